using System;
using System.IO;
using Xunit;

namespace TapiGen.Tests.Infrastructure
{
    /// <summary>The README's code blocks that tests compile or run: each follows a marker comment (<c>&lt;!-- name</c>).</summary>
    public static class ReadmeBlocks
    {
        /// <summary>The body of the first fenced block after <paramref name="marker"/> in README.md, line ends as \n.</summary>
        public static string After(string marker)
        {
            string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            int at = readme.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at >= 0, "README.md has no " + marker + " block");
            int start = readme.IndexOf('\n', readme.IndexOf("```", at, StringComparison.Ordinal)) + 1;
            return readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
        }
    }
}
