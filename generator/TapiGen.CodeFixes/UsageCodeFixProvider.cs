using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using TapiGen.Generator.Usage;

namespace TapiGen.CodeFixes
{
    /// <summary>
    /// Rewrites what the usage analyzer reports (TG1001-TG1008) into a call of the generated helper. The analyzer
    /// decided that the result is the same and put the helpers class, the method and the shape of the rewrite in the
    /// diagnostic's properties; this only edits syntax.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UsageCodeFixProvider))]
    public sealed class UsageCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            UsageContract.ToStringId,
            UsageContract.InterpolationId,
            UsageContract.TryParseId,
            UsageContract.ParseId,
            UsageContract.IsDefinedId,
            UsageContract.HasFlagId,
            UsageContract.GetValuesId,
            UsageContract.GetNamesId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!Rewrite.TryRead(diagnostic, out Rewrite rewrite))
                {
                    continue;
                }

                string title = "Use " + (rewrite.Shape == UsageContract.StaticShape ? rewrite.ReceiverName + "." : string.Empty) + rewrite.Method;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, diagnostic, rewrite, ct), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, Rewrite rewrite, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                return document;
            }

            ExpressionSyntax? replacement = rewrite.Shape switch
            {
                UsageContract.ExtensionShape => ExtensionCall(node, rewrite, model),
                UsageContract.InterpolationShape => ExtensionCall(model, node, Parenthesized(node), SyntaxFactory.ArgumentList(), rewrite),
                UsageContract.StaticShape => StaticCall(node, rewrite),
                _ => null,
            };
            return replacement is null
                ? document
                : document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node)));
        }

        /// <summary><c>x.ToString()</c> as <c>x.ToStringFast()</c>, <c>x.HasFlag(f)</c> as <c>x.HasFlagFast(f)</c>.</summary>
        private static ExpressionSyntax? ExtensionCall(ExpressionSyntax node, Rewrite rewrite, SemanticModel model)
            => node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                ? ExtensionCall(model, node, access.Expression, invocation.ArgumentList, rewrite)
                : null;

        /// <summary>
        /// <c>receiver.Method(arguments)</c> where the extension method is in scope (its namespace imported), else
        /// <c>Helpers.Method(receiver, arguments)</c> with the class named as briefly as the position allows.
        /// </summary>
        private static ExpressionSyntax ExtensionCall(SemanticModel model, ExpressionSyntax node, ExpressionSyntax receiver, ArgumentListSyntax arguments, Rewrite rewrite)
        {
            InvocationExpressionSyntax extension = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(rewrite.Method)),
                arguments.WithoutTrivia());
            SymbolInfo bound = model.GetSpeculativeSymbolInfo(node.SpanStart, extension, SpeculativeBindingOption.BindAsExpression);
            if (bound.Symbol is IMethodSymbol { IsExtensionMethod: true } method
                && method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == rewrite.Helpers)
            {
                return extension;
            }

            ArgumentListSyntax withReceiver = arguments.WithoutTrivia()
                .WithArguments(arguments.Arguments.Insert(0, SyntaxFactory.Argument(receiver.WithoutTrivia())));
            return SyntaxFactory.InvocationExpression(HelperName(rewrite), withReceiver);
        }

        /// <summary>
        /// <c>Enum.M&lt;E&gt;(args)</c>, or the cast <c>(E)Enum.M(typeof(E), args)</c>, as <c>EExtensions.M(args)</c>, or
        /// <c>E.M(args)</c> where the analyzer found that it binds, without the argument the analyzer said to drop.
        /// </summary>
        private static ExpressionSyntax? StaticCall(ExpressionSyntax node, Rewrite rewrite)
        {
            if (StaticCallSyntax.Invocation(node) is not { } invocation)
            {
                return null;
            }

            // The name is written fully qualified, for the simplifier to shorten to what the position needs.
            InvocationExpressionSyntax call = StaticCallSyntax.Replacement(invocation, rewrite.Receiver ?? rewrite.Helpers, rewrite.Method, rewrite.DropArgument);
            return call.WithExpression(call.Expression.WithAdditionalAnnotations(Simplifier.Annotation));
        }

        /// <summary><c>global::Ns.EExtensions.Method</c>, for the simplifier to shorten to what the position needs.</summary>
        private static ExpressionSyntax HelperName(Rewrite rewrite)
            => SyntaxFactory.ParseExpression(rewrite.Helpers + "." + rewrite.Method).WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary>The expression, parenthesized unless a member access on it binds to all of it.</summary>
        private static ExpressionSyntax Parenthesized(ExpressionSyntax expression)
            => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
                or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax
                ? expression
                : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());

        /// <summary>The properties the analyzer put on the diagnostic.</summary>
        private readonly struct Rewrite
        {
            private Rewrite(string helpers, string? receiver, string method, string shape, int dropArgument)
            {
                Helpers = helpers;
                Receiver = receiver;
                Method = method;
                Shape = shape;
                DropArgument = dropArgument;
            }

            /// <summary>The helpers class as code: "global::Ns.EExtensions".</summary>
            public string Helpers { get; }

            /// <summary>The enum type as code, when the static helper is called on it (C# 14); else null.</summary>
            public string? Receiver { get; }

            /// <summary>The own name of the class or type the static call is made on, for the fix's title.</summary>
            public string ReceiverName
            {
                get
                {
                    string code = Receiver ?? Helpers;
                    return code.Substring(System.Math.Max(code.LastIndexOf('.'), code.LastIndexOf(':')) + 1);
                }
            }

            public string Method { get; }

            public string Shape { get; }

            public int DropArgument { get; }

            public static bool TryRead(Diagnostic diagnostic, out Rewrite rewrite)
            {
                rewrite = default;
                ImmutableDictionary<string, string?> properties = diagnostic.Properties;
                if (!properties.TryGetValue(UsageContract.HelpersProperty, out string? helpers) || helpers is null
                    || !properties.TryGetValue(UsageContract.MethodProperty, out string? method) || method is null
                    || !properties.TryGetValue(UsageContract.ShapeProperty, out string? shape) || shape is null)
                {
                    return false;
                }

                int drop = -1;
                if (properties.TryGetValue(UsageContract.DropArgumentProperty, out string? dropText) && dropText is not null
                    && !int.TryParse(dropText, NumberStyles.None, CultureInfo.InvariantCulture, out drop))
                {
                    return false;
                }

                properties.TryGetValue(UsageContract.ReceiverProperty, out string? receiver);
                rewrite = new Rewrite(helpers, receiver, method, shape, drop);
                return true;
            }
        }
    }
}
