using System;
using System.IO;

namespace TapiGen.PackageTests.Infrastructure
{
    /// <summary>The repository the tests were built from, found by walking up to TapiGen.sln.</summary>
    public static class RepoRoot
    {
        private static readonly Lazy<string> s_path = new Lazy<string>(Find);

        public static string Path => s_path.Value;

        public static string Combine(params string[] parts)
            => System.IO.Path.Combine(Path, System.IO.Path.Combine(parts));

        private static string Find()
        {
            for (string? dir = AppContext.BaseDirectory; dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
            {
                if (File.Exists(System.IO.Path.Combine(dir, "TapiGen.sln")))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("TapiGen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
