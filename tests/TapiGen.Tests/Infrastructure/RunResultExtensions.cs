using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TapiGen.Tests.Infrastructure
{
    /// <summary>Picks files out of a run: each enum comes with helper and converter files next to it.</summary>
    public static class RunResultExtensions
    {
        private static readonly string[] s_companionSuffixes = { ".Extensions.g.cs", ".JsonConverter.g.cs", ".NewtonsoftJsonConverter.g.cs" };

        /// <summary>The files that declare the enums themselves.</summary>
        public static SyntaxTree[] EnumTrees(this GeneratorDriverRunResult result)
            => result.GeneratedTrees.Where(t => !s_companionSuffixes.Any(s => t.FilePath.EndsWith(s, StringComparison.Ordinal))).ToArray();
    }
}
