using Microsoft.CodeAnalysis;
using TapiGen.Generator.Diagnostics;

namespace TapiGen.Generator.Usage
{
    /// <summary>A use of System.Enum that a generated helper answers the same, and how the code fix rewrites it.</summary>
    internal sealed class Suggestion
    {
        public Suggestion(DiagnosticKind descriptor, SyntaxNode reported, GeneratedEnum generatedEnum, IMethodSymbol helper, string shape, int dropArgument = -1)
        {
            Descriptor = descriptor;
            Reported = reported;
            Enum = generatedEnum;
            Helper = helper;
            Shape = shape;
            DropArgument = dropArgument;
        }

        public DiagnosticKind Descriptor { get; }

        /// <summary>The code the diagnostic covers, and the code fix replaces.</summary>
        public SyntaxNode Reported { get; }

        public GeneratedEnum Enum { get; }

        /// <summary>The helper method the fixed code calls.</summary>
        public IMethodSymbol Helper { get; }

        /// <summary>One of UsageContract's shapes.</summary>
        public string Shape { get; }

        /// <summary>The index of the argument the fixed call leaves out, or -1.</summary>
        public int DropArgument { get; }
    }
}
