using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TapiGen.Generator.Usage
{
    /// <summary>
    /// The call a static suggestion writes in place of <c>Enum.M&lt;E&gt;(args)</c> or <c>(E)Enum.M(typeof(E), args)</c>:
    /// <c>Receiver.M(args)</c> without the dropped argument. Shared by the analyzer (which checks the call binds) and,
    /// as a linked file, the code fix (which writes it), so both mean the same call.
    /// </summary>
    internal static class StaticCallSyntax
    {
        /// <summary>The System.Enum invocation inside the reported node (a cast and parentheses around it are looked through).</summary>
        public static InvocationExpressionSyntax? Invocation(SyntaxNode reported)
        {
            SyntaxNode call = reported is CastExpressionSyntax cast ? cast.Expression : reported;
            while (call is ParenthesizedExpressionSyntax parenthesized)
            {
                call = parenthesized.Expression;
            }

            return call as InvocationExpressionSyntax;
        }

        /// <summary><c>receiver.method(arguments)</c>, leaving out argument <paramref name="dropArgument"/> (-1: none).</summary>
        public static InvocationExpressionSyntax Replacement(InvocationExpressionSyntax invocation, string receiver, string method, int dropArgument)
        {
            ArgumentListSyntax arguments = invocation.ArgumentList;
            if (dropArgument >= 0 && dropArgument < arguments.Arguments.Count)
            {
                arguments = arguments.WithArguments(arguments.Arguments.RemoveAt(dropArgument));
            }

            return SyntaxFactory.InvocationExpression(SyntaxFactory.ParseExpression(receiver + "." + method), arguments);
        }
    }
}
