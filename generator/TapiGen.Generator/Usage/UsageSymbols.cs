using Microsoft.CodeAnalysis;

namespace TapiGen.Generator.Usage
{
    /// <summary>What the usage analyzer needs to know about the compilation, looked up once.</summary>
    internal sealed class UsageSymbols
    {
        public UsageSymbols(Compilation compilation)
        {
            Enum = compilation.GetSpecialType(SpecialType.System_Enum);
            LinqExpression = compilation.GetTypeByMetadataName("System.Linq.Expressions.Expression");

            // ToStringFast and GetNames order and pick aliases by System.Enum's rules as of .NET 8 (Emit/Helpers/
            // RuntimeEnumRules.cs); earlier runtimes may pick another alias. .NET 8 is also when Enum became ISpanFormattable.
            INamedTypeSymbol? spanFormattable = compilation.GetTypeByMetadataName("System.ISpanFormattable");
            foreach (INamedTypeSymbol implemented in Enum.AllInterfaces)
            {
                OrdersAliasesAsNet8 |= SymbolEqualityComparer.Default.Equals(implemented, spanFormattable);
            }
        }

        public INamedTypeSymbol Enum { get; }

        public INamedTypeSymbol? LinqExpression { get; }

        /// <summary>The compilation targets .NET 8 or later, whose System.Enum names aliases as ToStringFast does.</summary>
        public bool OrdersAliasesAsNet8 { get; }
    }
}
