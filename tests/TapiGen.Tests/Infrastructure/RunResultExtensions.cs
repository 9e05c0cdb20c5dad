using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TapiGen.Tests.Infrastructure
{
    /// <summary>
    /// Picks files out of a run: each enum comes with helper and converter files next to it, and the compilation with
    /// one support file (TapiGen.Support.g.cs) when any enum has helpers or converters.
    /// </summary>
    public static class RunResultExtensions
    {
        private static readonly string[] s_companionSuffixes = { ".Extensions.g.cs", ".JsonConverter.g.cs", ".NewtonsoftJsonConverter.g.cs", "/TapiGen.Support.g.cs" };

        /// <summary>The files that declare the enums themselves.</summary>
        public static SyntaxTree[] EnumTrees(this GeneratorDriverRunResult result)
            => result.GeneratedTrees.Where(t => !s_companionSuffixes.Any(s => t.FilePath.Replace('\\', '/').EndsWith(s, StringComparison.Ordinal))).ToArray();

        /// <summary>The support file, or null when no enum needed it.</summary>
        public static SyntaxTree? SupportTree(this GeneratorDriverRunResult result)
            => result.GeneratedTrees.SingleOrDefault(t => t.FilePath.Replace('\\', '/').EndsWith("/TapiGen.Support.g.cs", StringComparison.Ordinal));
    }
}
