using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;

namespace TapiGen.Tests.Helpers
{
    /// <summary>What a test needs to know about one generated enum to drive its helpers.</summary>
    /// <param name="HasSpans">The helpers have span and UTF-8 overloads (else the driver feeds those calls to the string ones).</param>
    public sealed record DrivenEnum(string Namespace, string Name, bool IsFlags, int Bits, bool IsSigned, bool HasSpans)
    {
        public string Qualified => "global::" + (Namespace.Length == 0 ? string.Empty : Namespace + ".") + Escape(Name);

        public string Helpers => "global::" + (Namespace.Length == 0 ? string.Empty : Namespace + ".") + Name + "Extensions";

        public string FullName => (Namespace.Length == 0 ? string.Empty : Namespace + ".") + Name;

        /// <summary>Reads the enums of a compilation (those with a generated helper class).</summary>
        public static List<DrivenEnum> FindAll(Compilation compilation)
        {
            var found = new List<DrivenEnum>();
            Walk(compilation.GlobalNamespace, found, compilation);
            return found.OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        }

        private static void Walk(INamespaceSymbol ns, List<DrivenEnum> found, Compilation compilation)
        {
            foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
            {
                Walk(child, found, compilation);
            }

            foreach (INamedTypeSymbol type in ns.GetTypeMembers())
            {
                if (type.TypeKind != TypeKind.Enum || !type.Locations.Any(l => l.IsInSource))
                {
                    continue;
                }

                INamedTypeSymbol? helpers = ns.GetTypeMembers(type.Name + "Extensions").FirstOrDefault();
                if (helpers is null)
                {
                    continue;
                }

                bool spans = helpers.GetMembers("TryParse").OfType<IMethodSymbol>().Any(m => m.Parameters[0].Type.Name == "ReadOnlySpan");

                SpecialType underlying = type.EnumUnderlyingType!.SpecialType;
                bool flags = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
                found.Add(new DrivenEnum(
                    ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString(),
                    type.Name,
                    flags,
                    underlying is SpecialType.System_Int64 or SpecialType.System_UInt64 ? 64 : 32,
                    underlying is SpecialType.System_Int32 or SpecialType.System_Int64,
                    spans));
            }
        }

        private static string Escape(string name) => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;
    }

    /// <summary>
    /// Calls one enum's generated helpers through delegates over plain types: values travel as their storage bits
    /// (ulong), spans are made from strings and byte arrays inside the compiled driver. No reflection per call, no
    /// boxing, so the delegates can also be used to measure allocations.
    /// </summary>
    public sealed class HelperDriver
    {
        public delegate bool TryParseText(string? text, bool ignoreCase, bool allowNumbers, out ulong bits);

        public delegate bool TryParseBytes(byte[] utf8, bool ignoreCase, bool allowNumbers, out ulong bits);

        public const string DriverNamespace = "TapiGenHelperDrivers";

        private HelperDriver(DrivenEnum info, Type enumType, Type driver)
        {
            Info = info;
            EnumType = enumType;
            T Get<T>(string name) where T : Delegate => driver.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<T>();
            ToStringFast = Get<Func<ulong, string>>(nameof(ToStringFast));
            GetDescription = Get<Func<ulong, string?>>(nameof(GetDescription));
            IsDefinedValue = Get<Func<ulong, bool>>(nameof(IsDefinedValue));
            IsDefinedName = Get<Func<string, bool, bool>>(nameof(IsDefinedName));
            IsDefinedChars = Get<Func<string, bool, bool>>(nameof(IsDefinedChars));
            TryParseString = Get<TryParseText>(nameof(TryParseString));
            TryParseStringDefaults = Get<TryParseText>(nameof(TryParseStringDefaults));
            TryParseChars = Get<TryParseText>(nameof(TryParseChars));
            TryParseUtf8 = Get<TryParseBytes>(nameof(TryParseUtf8));
            ParseString = Get<Func<string, bool, bool, ulong>>(nameof(ParseString));
            ParseChars = Get<Func<string, bool, bool, ulong>>(nameof(ParseChars));
            ParseUtf8 = Get<Func<byte[], bool, bool, ulong>>(nameof(ParseUtf8));
            Values = Get<Func<ulong[]>>(nameof(Values));
            Names = Get<Func<string[]>>(nameof(Names));
            Length = Get<Func<int>>(nameof(Length));
            SpanLengths = Get<Func<int>>(nameof(SpanLengths));
            if (info.IsFlags)
            {
                HasFlagFast = Get<Func<ulong, ulong, bool>>(nameof(HasFlagFast));
                HasAnyFlags = Get<Func<ulong, ulong, bool>>(nameof(HasAnyFlags));
                AllFlags = Get<Func<ulong>>(nameof(AllFlags));
            }
        }

        public DrivenEnum Info { get; }

        /// <summary>The enum as loaded, for System.Enum to be the oracle.</summary>
        public Type EnumType { get; }

        public Func<ulong, string> ToStringFast { get; }

        public Func<ulong, string?> GetDescription { get; }

        public Func<ulong, bool> IsDefinedValue { get; }

        public Func<string, bool, bool> IsDefinedName { get; }

        public Func<string, bool, bool> IsDefinedChars { get; }

        public TryParseText TryParseString { get; }

        /// <summary>TryParse(string, out E): the defaults (ordinal, numbers allowed).</summary>
        public TryParseText TryParseStringDefaults { get; }

        public TryParseText TryParseChars { get; }

        public TryParseBytes TryParseUtf8 { get; }

        public Func<string, bool, bool, ulong> ParseString { get; }

        public Func<string, bool, bool, ulong> ParseChars { get; }

        public Func<byte[], bool, bool, ulong> ParseUtf8 { get; }

        public Func<ulong[]> Values { get; }

        public Func<string[]> Names { get; }

        public Func<int> Length { get; }

        /// <summary>GetValues().Length + GetNames().Length, through the spans (allocates nothing).</summary>
        public Func<int> SpanLengths { get; }

        public Func<ulong, ulong, bool>? HasFlagFast { get; }

        public Func<ulong, ulong, bool>? HasAnyFlags { get; }

        public Func<ulong>? AllFlags { get; }

        /// <summary>All bits a value of this enum can have.</summary>
        public ulong Mask => Info.Bits == 64 ? ulong.MaxValue : uint.MaxValue;

        /// <summary>The enum value (boxed) with these storage bits.</summary>
        public object Box(ulong bits) => Enum.ToObject(EnumType, bits);

        /// <summary>The storage bits of a boxed enum value.</summary>
        public ulong Bits(object value)
            => Convert.ChangeType(value, Enum.GetUnderlyingType(EnumType), System.Globalization.CultureInfo.InvariantCulture) switch
            {
                int i => unchecked((uint)i),
                uint u => u,
                long l => unchecked((ulong)l),
                ulong u => u,
                _ => throw new InvalidOperationException("Unexpected underlying type of " + EnumType),
            };

        public static string DriverName(int index) => "Driver" + index;

        public static HelperDriver Create(Assembly assembly, DrivenEnum info, int index)
        {
            Type enumType = assembly.GetType(info.FullName, throwOnError: true)!;
            Type driver = assembly.GetType(DriverNamespace + "." + DriverName(index), throwOnError: true)!;
            return new HelperDriver(info, enumType, driver);
        }

        /// <summary>The driver classes for these enums, compiled with them (C# latest, spans available).</summary>
        public static string Source(IReadOnlyList<DrivenEnum> enums)
        {
            var sb = new StringBuilder();
            sb.Append("#nullable enable\nnamespace ").Append(DriverNamespace).Append("\n{\n");
            for (int i = 0; i < enums.Count; i++)
            {
                DrivenEnum e = enums[i];
                string t = e.Qualified, h = e.Helpers;
                string toBits = e.Bits == 64 ? "unchecked((ulong)v)" : e.IsSigned ? "unchecked((ulong)(uint)v)" : "(ulong)v";
                sb.Append("public static class ").Append(DriverName(i)).Append("\n{\n");
                sb.Append("    private static ").Append(t).Append(" E(ulong bits) => unchecked((").Append(t).Append(")bits);\n");
                sb.Append("    private static ulong B(").Append(t).Append(" v) => ").Append(toBits).Append(";\n");
                sb.Append("    public static string ToStringFast(ulong bits) => ").Append(h).Append(".ToStringFast(E(bits));\n");
                sb.Append("    public static string? GetDescription(ulong bits) => ").Append(h).Append(".GetDescription(E(bits));\n");
                sb.Append("    public static bool IsDefinedValue(ulong bits) => ").Append(h).Append(".IsDefined(E(bits));\n");
                sb.Append("    public static bool IsDefinedName(string name, bool ignoreCase) => ").Append(h).Append(".IsDefined(name, ignoreCase);\n");
                sb.Append("    public static bool TryParseString(string? s, bool ic, bool n, out ulong bits) { bool ok = ").Append(h).Append(".TryParse(s, ic, n, out ").Append(t).Append(" v); bits = B(v); return ok; }\n");
                sb.Append("    public static bool TryParseStringDefaults(string? s, bool ic, bool n, out ulong bits) { bool ok = ").Append(h).Append(".TryParse(s, out ").Append(t).Append(" v); bits = B(v); return ok; }\n");
                sb.Append("    public static ulong ParseString(string s, bool ic, bool n) => B(").Append(h).Append(".Parse(s, ic, n));\n");
                sb.Append("    public static int Length() => ").Append(h).Append(".Length;\n");
                if (e.HasSpans)
                {
                    sb.Append("    public static bool IsDefinedChars(string name, bool ignoreCase) => ").Append(h).Append(".IsDefined(global::System.MemoryExtensions.AsSpan(name), ignoreCase);\n");
                    sb.Append("    public static bool TryParseChars(string? s, bool ic, bool n, out ulong bits) { bool ok = ").Append(h).Append(".TryParse(global::System.MemoryExtensions.AsSpan(s), ic, n, out ").Append(t).Append(" v); bits = B(v); return ok; }\n");
                    sb.Append("    public static bool TryParseUtf8(byte[] s, bool ic, bool n, out ulong bits) { bool ok = ").Append(h).Append(".TryParse(new global::System.ReadOnlySpan<byte>(s), ic, n, out ").Append(t).Append(" v); bits = B(v); return ok; }\n");
                    sb.Append("    public static ulong ParseChars(string s, bool ic, bool n) => B(").Append(h).Append(".Parse(global::System.MemoryExtensions.AsSpan(s), ic, n));\n");
                    sb.Append("    public static ulong ParseUtf8(byte[] s, bool ic, bool n) => B(").Append(h).Append(".Parse(new global::System.ReadOnlySpan<byte>(s), ic, n));\n");
                    sb.Append("    public static ulong[] Values() { var span = ").Append(h).Append(".GetValues(); var a = new ulong[span.Length]; for (int i = 0; i < a.Length; i++) a[i] = B(span[i]); return a; }\n");
                    sb.Append("    public static string[] Names() => ").Append(h).Append(".GetNames().ToArray();\n");
                    sb.Append("    public static int SpanLengths() => ").Append(h).Append(".GetValues().Length + ").Append(h).Append(".GetNames().Length;\n");
                }
                else
                {
                    // No spans: the span and UTF-8 entry points go to the string overloads, so every test still runs.
                    sb.Append("    public static bool IsDefinedChars(string name, bool ignoreCase) => ").Append(h).Append(".IsDefined(name, ignoreCase);\n");
                    sb.Append("    public static bool TryParseChars(string? s, bool ic, bool n, out ulong bits) => TryParseString(s, ic, n, out bits);\n");
                    sb.Append("    public static bool TryParseUtf8(byte[] s, bool ic, bool n, out ulong bits) => TryParseString(global::System.Text.Encoding.UTF8.GetString(s), ic, n, out bits);\n");
                    sb.Append("    public static ulong ParseChars(string s, bool ic, bool n) => ParseString(s, ic, n);\n");
                    sb.Append("    public static ulong ParseUtf8(byte[] s, bool ic, bool n) => ParseString(global::System.Text.Encoding.UTF8.GetString(s), ic, n);\n");
                    sb.Append("    public static ulong[] Values() { var list = ").Append(h).Append(".GetValues(); var a = new ulong[list.Count]; for (int i = 0; i < a.Length; i++) a[i] = B(list[i]); return a; }\n");
                    sb.Append("    public static string[] Names() => global::System.Linq.Enumerable.ToArray(").Append(h).Append(".GetNames());\n");
                    sb.Append("    public static int SpanLengths() => ").Append(h).Append(".GetValues().Count + ").Append(h).Append(".GetNames().Count;\n");
                }

                if (e.IsFlags)
                {
                    sb.Append("    public static bool HasFlagFast(ulong v, ulong f) => ").Append(h).Append(".HasFlagFast(E(v), E(f));\n");
                    sb.Append("    public static bool HasAnyFlags(ulong v, ulong f) => ").Append(h).Append(".HasAnyFlags(E(v), E(f));\n");
                    sb.Append("    public static ulong AllFlags() => B(").Append(h).Append(".AllFlags);\n");
                }

                sb.Append("}\n");
            }

            sb.Append("}\n");
            return sb.ToString();
        }
    }
}
