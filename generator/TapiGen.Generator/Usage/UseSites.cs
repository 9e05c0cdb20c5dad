using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TapiGen.Generator.Usage
{
    /// <summary>Where an expression is used, for the suggestions that depend on it.</summary>
    internal static class UseSites
    {
        /// <summary>The operation without the implicit conversions around it (boxing to object or Enum, to a base type).</summary>
        public static IOperation? WithoutImplicitConversions(IOperation? operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>
        /// Inside a lambda that is an expression tree: a query provider may translate ToString() or Enum.Parse, and
        /// would not know the generated methods.
        /// </summary>
        public static bool IsInExpressionTree(IOperation operation, UsageSymbols symbols)
        {
            if (symbols.LinqExpression is null)
            {
                return false;
            }

            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation && current.Parent is { } lambdaUse
                    && (lambdaUse is IDelegateCreationOperation || lambdaUse is IConversionOperation)
                    && DerivesFrom(lambdaUse.Type, symbols.LinqExpression))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The collection of a foreach loop, where an array, a ReadOnlySpan&lt;T&gt; and an IReadOnlyList&lt;T&gt;
        /// all work the same: the loop copies each element into its variable, whatever the collection's type.
        /// </summary>
        public static bool IsForEachCollection(IOperation operation, out IForEachLoopOperation? loop)
        {
            IOperation current = operation;
            while (current.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                current = conversion;
            }

            loop = current.Parent as IForEachLoopOperation;
            return loop is not null && !loop.IsAsynchronous && loop.Collection == current;
        }

        /// <summary>
        /// Whether a foreach over a ref struct (ReadOnlySpan&lt;T&gt;) compiles where <paramref name="operation"/> is: not in an
        /// async function or one that may be an iterator, where C# before 13 refuses ref struct locals and later
        /// versions refuse them across an await or a yield.
        /// </summary>
        public static bool AllowsRefStructLocals(IOperation operation, ISymbol containingSymbol)
        {
            ISymbol? function = containingSymbol;
            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda)
                {
                    function = lambda.Symbol;
                    break;
                }

                if (current is ILocalFunctionOperation local)
                {
                    function = local.Symbol;
                    break;
                }
            }

            if (function is not IMethodSymbol method)
            {
                return true;
            }

            return !method.IsAsync && !MayBeIterator(method);
        }

        // IMethodSymbol.IsIterator is newer than Roslyn 4.8: any method returning an enumerable or enumerator may be one.
        private static bool MayBeIterator(IMethodSymbol method)
        {
            ITypeSymbol returnType = method.ReturnType;
            if (returnType.SpecialType is SpecialType.System_Collections_IEnumerable or SpecialType.System_Collections_IEnumerator)
            {
                return true;
            }

            if (returnType is INamedTypeSymbol { IsGenericType: true } named)
            {
                SpecialType special = named.ConstructedFrom.SpecialType;
                if (special is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IEnumerator_T)
                {
                    return true;
                }

                string name = named.ConstructedFrom.ToDisplayString();
                return name == "System.Collections.Generic.IAsyncEnumerable<T>" || name == "System.Collections.Generic.IAsyncEnumerator<T>";
            }

            return false;
        }

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
