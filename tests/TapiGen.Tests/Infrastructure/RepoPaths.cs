using System;
using System.IO;

namespace TapiGen.Tests.Infrastructure
{
    /// <summary>Finds the repository and the shared corpus from wherever the tests run.</summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string> s_root = new Lazy<string>(FindRoot);

        public static string Root => s_root.Value;

        private static readonly Lazy<string> s_corpus = new Lazy<string>(FindCorpus);

        /// <summary>
        /// ../shared/corpus next to the repository (CI lays shared/ beside the clone); in a clone of a local checkout
        /// made elsewhere (`git clone . "$(mktemp -d)"`), the one beside the checkout it was cloned from.
        /// </summary>
        public static string CorpusRoot => s_corpus.Value;

        public static bool CorpusAvailable => Directory.Exists(Path.Combine(CorpusRoot, "sdk-api"));

        private static string FindCorpus()
        {
            string beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            if (Directory.Exists(beside) || OriginPath() is not { } origin)
            {
                return beside;
            }

            string besideOrigin = Path.GetFullPath(Path.Combine(origin, "..", "shared", "corpus"));
            return Directory.Exists(besideOrigin) ? besideOrigin : beside;
        }

        /// <summary>
        /// The folder this clone's origin remote names, when it is a local path; for a worktree (`git worktree add`),
        /// the checkout it belongs to; else null.
        /// </summary>
        private static string? OriginPath()
        {
            string dotGit = Path.Combine(Root, ".git");
            if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var link && link.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                // A worktree's .git file names its own git folder, whose "commondir" names the checkout's .git (a
                // submodule's git folder has no commondir).
                string gitDir = Path.GetFullPath(Path.Combine(Root, link.Substring(7).Trim()));
                string commonFile = Path.Combine(gitDir, "commondir");
                if (!File.Exists(commonFile))
                {
                    return null;
                }

                string common = Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()));
                return Path.GetFileName(common.TrimEnd('/', '\\')) == ".git" ? Path.GetDirectoryName(common.TrimEnd('/', '\\')) : null;
            }

            string config = Path.Combine(dotGit, "config");
            if (!File.Exists(config))
            {
                return null;
            }

            bool inOrigin = false;
            foreach (string raw in File.ReadAllLines(config))
            {
                string line = raw.Trim();
                if (line.StartsWith("[", StringComparison.Ordinal))
                {
                    inOrigin = line == "[remote \"origin\"]";
                }
                else if (inOrigin && line.StartsWith("url", StringComparison.Ordinal) && line.IndexOf('=') is int eq and > 0)
                {
                    string url = line.Substring(eq + 1).Trim();
                    return Path.IsPathRooted(url) && Directory.Exists(url) ? url : null;
                }
            }

            return null;
        }

        private static string FindRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir, "TapiGen.sln")))
                {
                    return dir;
                }

                dir = Path.GetDirectoryName(dir);
            }

            throw new InvalidOperationException("TapiGen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
