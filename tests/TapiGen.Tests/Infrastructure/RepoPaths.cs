using System;
using System.IO;

namespace TapiGen.Tests.Infrastructure
{
    /// <summary>Finds the repository and the shared corpus from wherever the tests run.</summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string> s_root = new Lazy<string>(FindRoot);

        public static string Root => s_root.Value;

        /// <summary>../shared/corpus next to the repository (CI lays shared/ beside the clone).</summary>
        public static string CorpusRoot => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

        public static bool CorpusAvailable => Directory.Exists(Path.Combine(CorpusRoot, "sdk-api"));

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
