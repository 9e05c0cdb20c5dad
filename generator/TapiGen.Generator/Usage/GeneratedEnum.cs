using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TapiGen.Generator.Usage
{
    /// <summary>
    /// A TapiGen enum as the usage analyzer sees it: the enum and its helpers class <c>{Enum}Extensions</c>, in the
    /// same namespace, both carrying <c>[GeneratedCode("TapiGen", ...)]</c>. All of it is read from symbols, so enums
    /// from referenced assemblies count too.
    /// </summary>
    internal sealed class GeneratedEnum
    {
        private GeneratedEnum(INamedTypeSymbol type, INamedTypeSymbol helpers, bool textNamesAreMemberNames, bool isFlags, bool hasAliases)
        {
            Type = type;
            Helpers = helpers;
            TextNamesAreMemberNames = textNamesAreMemberNames;
            IsFlags = isFlags;
            HasAliases = hasAliases;
        }

        public INamedTypeSymbol Type { get; }

        public INamedTypeSymbol Helpers { get; }

        /// <summary>
        /// The helpers' <c>TextNamesAreMemberNames</c> constant is true: ToStringFast, Parse and GetNames use the C#
        /// names, as System.Enum does. False when it says otherwise or is missing.
        /// </summary>
        public bool TextNamesAreMemberNames { get; }

        public bool IsFlags { get; }

        /// <summary>Two members share a value; which of their names System.Enum gives it depends on the runtime.</summary>
        public bool HasAliases { get; }

        /// <summary>The static helper method called <paramref name="name"/> with exactly these parameters, or null.</summary>
        public IMethodSymbol? FindMethod(string name, IReadOnlyList<(ITypeSymbol Type, RefKind RefKind)> parameters)
        {
            foreach (ISymbol member in Helpers.GetMembers(name))
            {
                if (member is IMethodSymbol { IsStatic: true, IsGenericMethod: false } method && HasParameters(method, parameters))
                {
                    return method;
                }
            }

            return null;
        }

        /// <summary>Whether the method's parameters have exactly these types and ref kinds, in order.</summary>
        public static bool HasParameters(IMethodSymbol method, IReadOnlyList<(ITypeSymbol Type, RefKind RefKind)> parameters)
        {
            if (method.Parameters.Length != parameters.Count)
            {
                return false;
            }

            for (int i = 0; i < parameters.Count; i++)
            {
                IParameterSymbol parameter = method.Parameters[i];
                if (parameter.RefKind != parameters[i].RefKind || !SymbolEqualityComparer.Default.Equals(parameter.Type, parameters[i].Type))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Finds and caches the TapiGen enums of one compilation.</summary>
        internal sealed class Cache
        {
            private readonly ConcurrentDictionary<ITypeSymbol, GeneratedEnum?> _enums =
                new ConcurrentDictionary<ITypeSymbol, GeneratedEnum?>(SymbolEqualityComparer.Default);

            /// <summary>The TapiGen enum <paramref name="type"/> is, or null (also for every other type).</summary>
            public GeneratedEnum? Find(ITypeSymbol? type)
            {
                if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } named)
                {
                    return null;
                }

                return _enums.GetOrAdd(named, t => Recognize((INamedTypeSymbol)t));
            }

            private GeneratedEnum? Recognize(INamedTypeSymbol type)
            {
                if (type.ContainingType is not null || !IsGeneratedByTapiGen(type))
                {
                    return null;
                }

                INamedTypeSymbol? helpers = null;
                foreach (INamedTypeSymbol candidate in type.ContainingNamespace.GetTypeMembers(type.Name + "Extensions", 0))
                {
                    if (candidate.IsStatic && IsGeneratedByTapiGen(candidate))
                    {
                        helpers = candidate;
                    }
                }

                if (helpers is null)
                {
                    return null;
                }

                bool textNames = false;
                foreach (ISymbol member in helpers.GetMembers("TextNamesAreMemberNames"))
                {
                    textNames |= member is IFieldSymbol { IsConst: true, ConstantValue: true };
                }

                var values = new HashSet<object>();
                bool hasAliases = false;
                foreach (ISymbol member in type.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && field.ConstantValue is object value)
                    {
                        hasAliases |= !values.Add(value);
                    }
                }

                bool isFlags = false;
                foreach (AttributeData attribute in type.GetAttributes())
                {
                    isFlags |= IsSystemType(attribute.AttributeClass, "System", "FlagsAttribute");
                }

                return new GeneratedEnum(type, helpers, textNames, isFlags, hasAliases);
            }

            private bool IsGeneratedByTapiGen(INamedTypeSymbol type)
            {
                foreach (AttributeData attribute in type.GetAttributes())
                {
                    if (IsSystemType(attribute.AttributeClass, "System.CodeDom.Compiler", "GeneratedCodeAttribute")
                        && attribute.ConstructorArguments.Length == 2
                        && attribute.ConstructorArguments[0].Value is "TapiGen")
                    {
                        return true;
                    }
                }

                return false;
            }

            // By name: an enum from a reference built against another framework sees the type through facades.
            private static bool IsSystemType(INamedTypeSymbol? type, string ns, string name)
                => type is not null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == ns;
        }
    }
}
