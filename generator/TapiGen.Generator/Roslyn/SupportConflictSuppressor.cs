using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Emit;

namespace TapiGen.Generator.Roslyn
{
    /// <summary>
    /// Suppresses CS0436 for TapiGen's support types. Every project that uses TapiGen gets its own internal copy
    /// (namespace TapiGen.Generated); a project that sees another's internals (InternalsVisibleTo) sees two, and C#
    /// warns that it takes its own, which is what the generated code wants. Other CS0436 warnings are left alone.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SupportConflictSuppressor : DiagnosticSuppressor
    {
        private static readonly SuppressionDescriptor s_rule = new SuppressionDescriptor(
            "TGSPR0436",
            "CS0436",
            "TapiGen's support types are internal to each project; with InternalsVisibleTo a project also sees another's, and its own are the ones meant.");

        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => ImmutableArray.Create(s_rule);

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            foreach (Diagnostic diagnostic in context.ReportedDiagnostics)
            {
                SyntaxTree? tree = diagnostic.Location.SourceTree;
                if (tree is null)
                {
                    continue;
                }

                SyntaxNode node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                ISymbol? symbol = context.GetSemanticModel(tree).GetSymbolInfo(node, context.CancellationToken).Symbol;
                if (symbol is INamedTypeSymbol type && type.ContainingNamespace?.ToDisplayString() == SupportEmitter.Namespace.Substring("global::".Length))
                {
                    context.ReportSuppression(Suppression.Create(s_rule, diagnostic));
                }
            }
        }
    }
}
