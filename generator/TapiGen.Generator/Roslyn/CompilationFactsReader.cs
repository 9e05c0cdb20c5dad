using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Roslyn
{
    /// <summary>Reads <see cref="CompilationFacts"/> from a compilation: a handful of type lookups, nothing kept.</summary>
    internal static class CompilationFactsReader
    {
        public static CompilationFacts Read(Compilation compilation, ParseOptions parseOptions)
        {
            int version = parseOptions is CSharpParseOptions cs ? LanguageVersionNumber(cs.LanguageVersion) : 703;
            return new CompilationFacts(
                version,
                HasReadOnlySpan: Has(compilation, "System.ReadOnlySpan`1") && Has(compilation, "System.MemoryExtensions")
                    && Has(compilation, "System.Runtime.InteropServices.MemoryMarshal"),
                HasSystemTextJson: Has(compilation, "System.Text.Json.Serialization.JsonConverter`1"),
                HasNewtonsoftJson: Has(compilation, "Newtonsoft.Json.JsonConverter"),
                HasEnumGenericApis: HasEnumGetValuesOfT(compilation),
                HasJsonPropertyNameApis: HasMember(compilation, "System.Text.Json.Serialization.JsonConverter`1", "ReadAsPropertyName"),
                HasUtf8JsonReaderCopyString: HasMember(compilation, "System.Text.Json.Utf8JsonReader", "ValueIsEscaped")
                    && HasMember(compilation, "System.Text.Json.Utf8JsonReader", "CopyString"),
                HasVector128Create: HasSpanOverload(compilation, "System.Runtime.Intrinsics.Vector128", "Create")
                    && Has(compilation, "System.Runtime.Intrinsics.Vector512`1"));
        }

        /// <summary>A public member of that name exists (STJ 5 had ReadAsPropertyName too, but internal).</summary>
        private static bool HasMember(Compilation compilation, string metadataName, string member)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is not { } type)
            {
                return false;
            }

            foreach (ISymbol symbol in type.GetMembers(member))
            {
                if (symbol.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A public method of that name takes a single ReadOnlySpan. For Vector128.Create the caller also asks for
        /// Vector512 (.NET 8), so the generator's rule is the build task's (.NET 8 or later) whatever .NET 7 had.
        /// </summary>
        private static bool HasSpanOverload(Compilation compilation, string metadataName, string member)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is not { } type)
            {
                return false;
            }

            foreach (ISymbol symbol in type.GetMembers(member))
            {
                if (symbol is IMethodSymbol { DeclaredAccessibility: Microsoft.CodeAnalysis.Accessibility.Public, Parameters.Length: 1 } method
                    && method.Parameters[0].Type is INamedTypeSymbol { Name: "ReadOnlySpan", ContainingNamespace.Name: "System" })
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Has(Compilation compilation, string metadataName)
            => compilation.GetTypeByMetadataName(metadataName) is not null;

        private static bool HasEnumGetValuesOfT(Compilation compilation)
        {
            INamedTypeSymbol? enumType = compilation.GetSpecialType(SpecialType.System_Enum);
            foreach (ISymbol member in enumType.GetMembers("GetValues"))
            {
                if (member is IMethodSymbol { IsGenericMethod: true })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>LanguageVersion 7.3 is 703, 11 is 1100; Latest and Preview map to what they mean for this compiler.</summary>
        internal static int LanguageVersionNumber(LanguageVersion version)
        {
            int value = (int)version.MapSpecifiedToEffectiveVersion();
            return value < 100 ? value * 100 : value;
        }
    }
}
