using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Roslyn;

namespace TapiGen.Generator.Usage
{
    /// <summary>
    /// Reports uses of System.Enum on TapiGen enums that a generated helper answers the same (TG1001-TG1008), with
    /// what TapiGen.CodeFixes needs to rewrite them. A use is reported only when the result is the same: the helper
    /// exists and is accessible, the arguments have exactly the helper's parameter types, names agree with
    /// System.Enum's (the helpers' TextNamesAreMemberNames), and the use is not in an expression tree.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UsageAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.CreateRange(new[]
        {
            DiagnosticDescriptors.UseToStringFast,
            DiagnosticDescriptors.UseToStringFastInInterpolation,
            DiagnosticDescriptors.UseGeneratedTryParse,
            DiagnosticDescriptors.UseGeneratedParse,
            DiagnosticDescriptors.UseGeneratedIsDefined,
            DiagnosticDescriptors.UseHasFlagFast,
            DiagnosticDescriptors.UseGeneratedGetValues,
            DiagnosticDescriptors.UseGeneratedGetNames,
        }.Select(RoslynDiagnostics.Descriptor));

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = new UsageSymbols(start.Compilation);
                var enums = new GeneratedEnum.Cache();
                start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, enums), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeInterpolation(c, symbols, enums), OperationKind.Interpolation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, UsageSymbols symbols, GeneratedEnum.Cache enums)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            bool declaredByEnum = SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Enum);

            // value.ToString() may bind to the method it overrides, object.ToString().
            bool isObjectToString = method.ContainingType?.SpecialType == SpecialType.System_Object && method.Name == "ToString";
            if ((!declaredByEnum && !isObjectToString) || UseSites.IsInExpressionTree(invocation, symbols))
            {
                return;
            }

            Suggestion? suggestion = method.IsStatic
                ? EnumCalls.MatchStatic(invocation, symbols, enums, context.ContainingSymbol)
                : EnumCalls.MatchInstance(invocation, symbols, enums);
            Report(context, suggestion);
        }

        /// <summary>
        /// <c>$"{value}"</c> formats the enum as ToString() does, when the interpolated string is a string (not a
        /// FormattableString or a custom handler, which see the value itself) and the hole has no format.
        /// </summary>
        private static void AnalyzeInterpolation(OperationAnalysisContext context, UsageSymbols symbols, GeneratedEnum.Cache enums)
        {
            var interpolation = (IInterpolationOperation)context.Operation;
            if (interpolation.FormatString is not null
                || interpolation.Parent is not IInterpolatedStringOperation interpolated
                || interpolated.Parent is IInterpolatedStringHandlerCreationOperation
                || interpolated.SemanticModel?.GetTypeInfo(interpolated.Syntax, context.CancellationToken).ConvertedType?.SpecialType != SpecialType.System_String
                || UseSites.IsInExpressionTree(interpolation, symbols))
            {
                return;
            }

            GeneratedEnum? generated = enums.Find(UseSites.WithoutImplicitConversions(interpolation.Expression)?.Type);
            if (generated is null || !EnumCalls.FormatsAsSystemEnum(generated, symbols)
                || interpolation.Syntax is not InterpolationSyntax hole)
            {
                return;
            }

            // The hole's expression as written, parentheses included (operations leave them out).
            IMethodSymbol? helper = EnumCalls.FindExtension(generated, "ToStringFast", 0);
            if (helper is not null)
            {
                Report(context, new Suggestion(DiagnosticDescriptors.UseToStringFastInInterpolation, hole.Expression, generated, helper, UsageContract.InterpolationShape));
            }
        }

        private static void Report(OperationAnalysisContext context, Suggestion? suggestion)
        {
            if (suggestion is null
                || suggestion.Helper.ReturnType.TypeKind == TypeKind.Error
                || context.Operation.SemanticModel is not { } model
                || !model.IsAccessible(suggestion.Reported.SpanStart, suggestion.Helper))
            {
                return;
            }

            string? receiver = suggestion.Shape == UsageContract.StaticShape ? EnumTypeReceiver(model, suggestion) : null;
            ImmutableDictionary<string, string?>.Builder properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[UsageContract.HelpersProperty] = suggestion.Enum.Helpers.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (receiver is not null)
            {
                properties[UsageContract.ReceiverProperty] = receiver;
            }

            properties[UsageContract.MethodProperty] = suggestion.Helper.Name;
            properties[UsageContract.ShapeProperty] = suggestion.Shape;
            if (suggestion.DropArgument >= 0)
            {
                properties[UsageContract.DropArgumentProperty] = suggestion.DropArgument.ToString(CultureInfo.InvariantCulture);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                RoslynDiagnostics.Descriptor(suggestion.Descriptor),
                suggestion.Reported.GetLocation(),
                properties.ToImmutable(),
                suggestion.Enum.Type.Name,
                receiver is null ? suggestion.Enum.Helpers.Name : suggestion.Enum.Type.Name));
        }

        /// <summary>
        /// "global::Ns.E" when <c>E.M(args)</c> calls the helper at the reported position (from C# 14 the static helpers
        /// are extension members of the enum too), else null and the suggestion names the helpers class.
        /// </summary>
        private static string? EnumTypeReceiver(SemanticModel model, Suggestion suggestion)
        {
            // Before C# 14 the compiler may still bind extension members (of a library built with C# 14), only to
            // report an error: the enum-type form is for C# 14 code alone.
            if (suggestion.Reported.SyntaxTree.Options is not CSharpParseOptions options
                || CompilationFactsReader.LanguageVersionNumber(options.LanguageVersion) < 1400
                || StaticCallSyntax.Invocation(suggestion.Reported) is not { } invocation)
            {
                return null;
            }

            string type = suggestion.Enum.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            InvocationExpressionSyntax call = StaticCallSyntax.Replacement(invocation, type, suggestion.Helper.Name, suggestion.DropArgument);
            SymbolInfo bound = model.GetSpeculativeSymbolInfo(suggestion.Reported.SpanStart, call, SpeculativeBindingOption.BindAsExpression);
            if (bound.Symbol is not IMethodSymbol method || method.Name != suggestion.Helper.Name
                || !GeneratedEnum.HasParameters(method, suggestion.Helper.Parameters.Select(p => (p.Type, p.RefKind)).ToList()))
            {
                return null;
            }

            for (INamedTypeSymbol? container = method.ContainingType; container is not null; container = container.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(container, suggestion.Enum.Helpers))
                {
                    return type;
                }
            }

            return null;
        }
    }
}
