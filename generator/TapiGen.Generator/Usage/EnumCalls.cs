using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TapiGen.Generator.Diagnostics;

namespace TapiGen.Generator.Usage
{
    /// <summary>
    /// Which System.Enum calls on a TapiGen enum have a generated equivalent with the same result. The helpers mirror
    /// System.Enum's generic methods parameter for parameter (<c>Enum.TryParse&lt;E&gt;(string, bool, out E)</c> and
    /// <c>EExtensions.TryParse(string, bool, out E)</c>), so a match is a helper of the same name and parameters.
    /// </summary>
    internal static class EnumCalls
    {
        /// <summary>ToStringFast and GetNames give System.Enum's names: the C# names, and for aliases the runtime's choice.</summary>
        public static bool FormatsAsSystemEnum(GeneratedEnum generated, UsageSymbols symbols)
            => generated.TextNamesAreMemberNames && (!generated.HasAliases || symbols.OrdersAliasesAsNet8);

        /// <summary><c>value.ToString()</c> and, on [Flags] enums, <c>value.HasFlag(flag)</c>.</summary>
        public static Suggestion? MatchInstance(IInvocationOperation invocation, UsageSymbols symbols, GeneratedEnum.Cache enums)
        {
            GeneratedEnum? generated = enums.Find(UseSites.WithoutImplicitConversions(invocation.Instance)?.Type);
            if (generated is null)
            {
                return null;
            }

            IMethodSymbol method = invocation.TargetMethod;
            if (method.Name == "ToString" && method.Parameters.Length == 0 && FormatsAsSystemEnum(generated, symbols))
            {
                IMethodSymbol? helper = FindExtension(generated, "ToStringFast", 0);
                return helper is null ? null : new Suggestion(DiagnosticDescriptors.UseToStringFast, invocation.Syntax, generated, helper, UsageContract.ExtensionShape);
            }

            // HasFlag(Enum) takes any enum boxed; only an argument of the same enum type is the same bit test.
            if (method.Name == "HasFlag" && method.Parameters.Length == 1 && generated.IsFlags
                && IsOfType(invocation.Arguments[0].Value, generated.Type))
            {
                IMethodSymbol? helper = FindExtension(generated, "HasFlagFast", 1);
                return helper is null || !NamedArgumentsFit(invocation, helper, shift: 1)
                    ? null
                    : new Suggestion(DiagnosticDescriptors.UseHasFlagFast, invocation.Syntax, generated, helper, UsageContract.ExtensionShape);
            }

            return null;
        }

        /// <summary>Enum.TryParse, Parse, IsDefined, GetValues and GetNames.</summary>
        public static Suggestion? MatchStatic(IInvocationOperation invocation, UsageSymbols symbols, GeneratedEnum.Cache enums, ISymbol containingSymbol)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (method.IsGenericMethod)
            {
                return method.TypeArguments.Length == 1 && enums.Find(method.TypeArguments[0]) is { } generated
                    ? MatchGeneric(invocation, generated, symbols, containingSymbol)
                    : null;
            }

            return method.Name is "Parse" or "IsDefined" or "GetValues" or "GetNames" ? MatchTypeOf(invocation, symbols, enums, containingSymbol) : null;
        }

        /// <summary><c>Enum.M&lt;E&gt;(args)</c> as <c>EExtensions.M(args)</c>.</summary>
        private static Suggestion? MatchGeneric(IInvocationOperation invocation, GeneratedEnum generated, UsageSymbols symbols, ISymbol containingSymbol)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (method.Name is "GetValues" or "GetNames")
            {
                return MatchListing(invocation, generated, symbols, containingSymbol, dropped: -1);
            }

            DiagnosticKind? descriptor = method.Name switch
            {
                "TryParse" when generated.TextNamesAreMemberNames => DiagnosticDescriptors.UseGeneratedTryParse,
                "Parse" when generated.TextNamesAreMemberNames => DiagnosticDescriptors.UseGeneratedParse,
                "IsDefined" => DiagnosticDescriptors.UseGeneratedIsDefined,
                _ => null,
            };
            if (descriptor is null || !ArgumentsHaveParameterTypes(invocation))
            {
                return null;
            }

            IMethodSymbol? helper = generated.FindMethod(method.Name, method.Parameters.Select(p => (p.Type, p.RefKind)).ToList());
            return helper is null || !NamedArgumentsFit(invocation, helper, shift: 0)
                ? null
                : new Suggestion(descriptor, invocation.Syntax, generated, helper, UsageContract.StaticShape);
        }

        /// <summary>
        /// <c>(E)Enum.Parse(typeof(E), s, ...)</c>, <c>Enum.IsDefined(typeof(E), value)</c> with value an E, and
        /// <c>Enum.GetValues(typeof(E))</c> and <c>GetNames</c> as a foreach collection.
        /// </summary>
        private static Suggestion? MatchTypeOf(IInvocationOperation invocation, UsageSymbols symbols, GeneratedEnum.Cache enums, ISymbol containingSymbol)
        {
            IMethodSymbol method = invocation.TargetMethod;
            IArgumentOperation? typeArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
            if (typeArgument?.Value is not ITypeOfOperation typeOf
                || enums.Find(typeOf.TypeOperand) is not { } generated
                || typeArgument.Syntax is not ArgumentSyntax { Parent: ArgumentListSyntax argumentList } typeArgumentSyntax)
            {
                return null;
            }

            int dropped = argumentList.Arguments.IndexOf(typeArgumentSyntax);
            if (method.Name is "GetValues" or "GetNames")
            {
                return MatchListing(invocation, generated, symbols, containingSymbol, dropped);
            }

            if (method.Name == "IsDefined")
            {
                IArgumentOperation? value = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
                IMethodSymbol? isDefined = generated.FindMethod("IsDefined", new[] { ((ITypeSymbol)generated.Type, RefKind.None) });
                return value is not null && IsOfType(value.Value, generated.Type) && isDefined is not null && NamedArgumentsFit(invocation, isDefined, shift: -1)
                    ? new Suggestion(DiagnosticDescriptors.UseGeneratedIsDefined, invocation.Syntax, generated, isDefined, UsageContract.StaticShape, dropped)
                    : null;
            }

            // Parse(Type, ...) returns object: only a cast straight to E is the generated Parse's result.
            if (!generated.TextNamesAreMemberNames
                || invocation.Parent is not IConversionOperation { IsImplicit: false } cast
                || !SymbolEqualityComparer.Default.Equals(cast.Type, generated.Type)
                || cast.Syntax is not CastExpressionSyntax
                || !ArgumentsHaveParameterTypes(invocation))
            {
                return null;
            }

            IMethodSymbol? parse = generated.FindMethod("Parse", method.Parameters.Skip(1).Select(p => (p.Type, p.RefKind)).ToList());
            return parse is not null && NamedArgumentsFit(invocation, parse, shift: -1)
                ? new Suggestion(DiagnosticDescriptors.UseGeneratedParse, cast.Syntax, generated, parse, UsageContract.StaticShape, dropped)
                : null;
        }

        /// <summary>
        /// GetValues and GetNames return arrays, the helpers a span or a read-only list: only a foreach loop is sure to
        /// treat them alike, and a span only where the function may hold a ref struct. GetValues(Type) returns an
        /// Array of boxed values, the same loop only when the loop variable is declared as the enum.
        /// </summary>
        private static Suggestion? MatchListing(IInvocationOperation invocation, GeneratedEnum generated, UsageSymbols symbols, ISymbol containingSymbol, int dropped)
        {
            bool names = invocation.TargetMethod.Name == "GetNames";
            IMethodSymbol? helper = generated.FindMethod(invocation.TargetMethod.Name, new (ITypeSymbol, RefKind)[0]);
            if (helper is null
                || (names && !FormatsAsSystemEnum(generated, symbols))
                || !UseSites.IsForEachCollection(invocation, out IForEachLoopOperation? loop)
                || (helper.ReturnType.IsRefLikeType && !UseSites.AllowsRefStructLocals(invocation, containingSymbol)))
            {
                return null;
            }

            if (!names && !invocation.TargetMethod.IsGenericMethod
                && !(loop!.LoopControlVariable is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol.Type, generated.Type)))
            {
                return null;
            }

            DiagnosticKind descriptor = names ? DiagnosticDescriptors.UseGeneratedGetNames : DiagnosticDescriptors.UseGeneratedGetValues;
            return new Suggestion(descriptor, invocation.Syntax, generated, helper, UsageContract.StaticShape, dropped);
        }

        /// <summary>The extension method <paramref name="name"/>(this E value, E x...) with <paramref name="more"/> more E parameters.</summary>
        public static IMethodSymbol? FindExtension(GeneratedEnum generated, string name, int more)
        {
            var parameters = Enumerable.Repeat(((ITypeSymbol)generated.Type, RefKind.None), more + 1).ToList();
            IMethodSymbol? method = generated.FindMethod(name, parameters);
            return method is { IsExtensionMethod: true } ? method : null;
        }

        /// <summary>
        /// Every argument passed by value is of its parameter's type before any conversion, so the helper's overloads
        /// (string, ReadOnlySpan&lt;char&gt;, UTF-8 bytes) pick the one that matches; a null literal or a char[] does not count.
        /// </summary>
        private static bool ArgumentsHaveParameterTypes(IInvocationOperation invocation)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter is null
                    || (argument.Parameter.RefKind == RefKind.None && argument.Value is not ITypeOfOperation && !IsOfType(argument.Value, argument.Parameter.Type)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Named arguments name the helper's parameter at the same position, <paramref name="shift"/> places on: 1 for an
        /// extension method (its receiver comes first), -1 when the Type argument is dropped (which is never kept).
        /// </summary>
        private static bool NamedArgumentsFit(IInvocationOperation invocation, IMethodSymbol helper, int shift)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Syntax is not ArgumentSyntax { NameColon: { } nameColon } || argument.Parameter is null)
                {
                    continue;
                }

                int position = argument.Parameter.Ordinal + shift;
                if (shift < 0 && position < 0)
                {
                    continue;
                }

                if (position < 0 || position >= helper.Parameters.Length || helper.Parameters[position].Name != nameColon.Name.Identifier.ValueText)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsOfType(IOperation value, ITypeSymbol type)
            => SymbolEqualityComparer.Default.Equals(UseSites.WithoutImplicitConversions(value)?.Type, type);
    }
}
