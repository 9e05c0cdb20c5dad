using System.Collections.Generic;
using System.Linq;
using TapiGen.Generator.Planning;

namespace TapiGen.Generator.Emit
{
    /// <summary>
    /// Writes <c>{Enum}Extensions</c> from its <see cref="HelpersSpec"/>: ToStringFast, GetDescription, IsDefined,
    /// TryParse and Parse (string, and where the consumer has them span and UTF-8), GetValues, GetNames, and the flag
    /// tests for [Flags] enums. Per enum only its tables and switches; the rest is in the support file.
    /// </summary>
    internal static class HelpersEmitter
    {
        private const string Support = SupportEmitter.Namespace;
        private const string Span = "global::System.ReadOnlySpan";

        /// <summary>Length's doc, on the const and (C# 14) on the enum's static property.</summary>
        private const string LengthDoc = "/// <summary>The number of members, aliases included: the length of <see cref=\"GetValues\"/> and <see cref=\"GetNames\"/>.</summary>";

        public static string Emit(EnumSpec spec)
        {
            HelpersSpec h = spec.Helpers!;
            var w = new SourceWriter();
            GeneratedFile.WriteHeader(w, spec);
            GeneratedFile.InNamespace(w, spec, () =>
            {
                w.WriteLine("/// <summary>");
                w.WriteLine("/// Fast helpers for <see cref=\"" + spec.QualifiedType + "\"/>:");
                w.WriteLine("/// the answers of <see cref=\"global::System.Enum\"/>'s methods (.NET 8 and later), without reflection, boxing or allocation.");
                w.WriteLine("/// </summary>");
                w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
                w.WriteLine(spec.Accessibility + " static partial class " + h.ClassName);
                using (w.OpenBlock())
                {
                    WriteTables(w, spec, h);
                    WriteValueFields(w, spec, h);
                    WriteToStringFast(w, spec, h);
                    WriteDescriptions(w, spec, h);
                    WriteFlags(w, spec, h);
                    if (spec.Target.ExtensionMembers)
                    {
                        // C# 14: the static helpers are members of the enum type too (E.Parse, E.GetValues; where
                        // System.Enum has a fitting member of its own, as TryParse(string, out E), that one wins), and
                        // still callable on this class; Length is a const here, so the type gets a property.
                        w.WriteLine("extension(" + spec.QualifiedType + ")");
                        using (w.OpenBlock())
                        {
                            w.WriteLine(LengthDoc);
                            w.WriteLine("public static int Length => " + HelpersClass(spec) + ".Length;");
                            w.WriteLine();
                            WriteStaticMembers(w, spec, h);
                        }
                    }
                    else
                    {
                        WriteStaticMembers(w, spec, h);
                    }
                }
            });
            return w.ToString();
        }

        /// <summary>What System.Enum has as static methods: GetValues, GetNames, IsDefined, TryParse and Parse.</summary>
        private static void WriteStaticMembers(SourceWriter w, EnumSpec spec, HelpersSpec h)
        {
            WriteValueMethods(w, spec);
            WriteIsDefined(w, spec, h);
            WriteParsing(w, spec, "string", spec.Target.NullableString, "value", "a string");
            if (spec.Target.Spans)
            {
                WriteParsing(w, spec, Span + "<char>", Span + "<char>", "value", "characters");
                WriteParsing(w, spec, Span + "<byte>", Span + "<byte>", "utf8Text", "UTF-8 text");
            }
        }

        private static string HelpersClass(EnumSpec spec)
            => "global::" + (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".") + spec.Helpers!.ClassName;

        private static void WriteTables(SourceWriter w, EnumSpec spec, HelpersSpec h)
        {
            w.WriteLine(LengthDoc);
            w.WriteLine("public const int Length = " + CSharp.Int(h.SortedMembers.Count) + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>Whether each member's text name is its C# name, so ToStringFast, Parse and GetNames agree with System.Enum.</summary>");
            w.WriteLine("public const bool TextNamesAreMemberNames = " + (h.TextNamesAreMemberNames ? "true" : "false") + ";");
            w.WriteLine();
            // GetNames returns this field, not Info.Names: the JIT knows a static readonly array's length, not that of
            // an array in an object's field. Written before Info, which static initialization order needs.
            w.WritePacked("private static readonly string[] s_names = new string[] ", h.Names.Names.Select(CSharp.String).ToList(), ";");
            w.WriteLine();
            w.WriteLine("/// <summary>The names TryParse matches and GetNames lists, in System.Enum's order, and their values.</summary>");
            WriteNewInfo(w, "internal static readonly " + Support + ".EnumInfo Info", spec, h.Names, "s_names");
            if (h.Flags is not null)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>The names flag combinations are made of, as Enum.ToString names them.</summary>");
                WriteNewFlags(w, "internal static readonly " + Support + ".FlagNames Flags", h.Flags, h.FlagsFromInfo ? "Info" : null);
            }

            w.WriteLine();
        }

        /// <summary>"FIELD = new EnumInfo("Ns.E", "int", new string[] { ... }, new ulong[] { ... });", or the names from a field.</summary>
        internal static void WriteNewInfo(SourceWriter w, string field, EnumSpec spec, NamesSpec names, string? namesField = null)
        {
            w.WriteLine(field + " = new " + Support + ".EnumInfo(");
            using (w.Indent())
            {
                w.WriteLine(CSharp.String(spec.DisplayName) + ",");
                w.WriteLine("\"" + spec.Keyword + "\",");
                if (namesField is null)
                {
                    w.WritePacked("new string[] ", names.Names.Select(CSharp.String).ToList(), ",");
                }
                else
                {
                    w.WriteLine(namesField + ",");
                }

                w.WritePacked("new ulong[] ", names.Bits.Select(CSharp.ULong).ToList(), ");");
            }
        }

        /// <summary>"FIELD = new FlagNames(...)": from an EnumInfo field when the flag names are its names, else from copies.</summary>
        internal static void WriteNewFlags(SourceWriter w, string field, FlagsSpec flags, string? fromInfo)
        {
            if (fromInfo is not null)
            {
                w.WriteLine(field + " = new " + Support + ".FlagNames(" + fromInfo + ");");
                return;
            }

            w.WriteLine(field + " = new " + Support + ".FlagNames(");
            using (w.Indent())
            {
                w.WritePacked("new ulong[] ", flags.Values.Select(CSharp.ULong).ToList(), ",");
                w.WritePacked("new string[] ", flags.Names.Select(CSharp.String).ToList(), ",");
                w.WriteLine((flags.ZeroName is null ? "null" : CSharp.String(flags.ZeroName)) + ");");
            }
        }

        private static void WriteValueFields(SourceWriter w, EnumSpec spec, HelpersSpec h)
        {
            string e = spec.QualifiedType;
            w.WritePacked("private static readonly " + e + "[] s_values = new " + e + "[] ", h.SortedMembers.ToList(), ";");
            w.WriteLine();
            if (!spec.Target.Spans)
            {
                string values = "global::System.Collections.ObjectModel.ReadOnlyCollection<" + e + ">";
                string names = "global::System.Collections.ObjectModel.ReadOnlyCollection<string>";
                w.WriteLine("private static readonly " + values + " s_valueList = new " + values + "(s_values);");
                w.WriteLine();
                w.WriteLine("private static readonly " + names + " s_nameList = new " + names + "(s_names);");
                w.WriteLine();
            }
        }

        private static void WriteValueMethods(SourceWriter w, EnumSpec spec)
        {
            string e = spec.QualifiedType;
            if (spec.Target.Spans)
            {
                w.WriteLine("/// <summary>Every member's value in the order of Enum.GetValues (by value as an unsigned number), aliases included; nothing is allocated.</summary>");
                w.WriteLine("public static " + Span + "<" + e + "> GetValues() => s_values;");
                w.WriteLine();
                w.WriteLine("/// <summary>Every member's name in the order of <see cref=\"GetValues\"/>, as Enum.GetNames orders them; nothing is allocated.</summary>");
                w.WriteLine("public static " + Span + "<string> GetNames() => s_names;");
            }
            else
            {
                w.WriteLine("/// <summary>Every member's value in the order of Enum.GetValues (by value as an unsigned number), aliases included; one shared read-only list.</summary>");
                w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + e + "> GetValues() => s_valueList;");
                w.WriteLine();
                w.WriteLine("/// <summary>Every member's name in the order of <see cref=\"GetValues\"/>, as Enum.GetNames orders them; one shared read-only list.</summary>");
                w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<string> GetNames() => s_nameList;");
            }

            w.WriteLine();
        }

        private static void WriteToStringFast(SourceWriter w, EnumSpec spec, HelpersSpec h)
        {
            string bits = spec.ToBits("value");
            string number = "Info.FormatNumber(" + bits + ")";
            string fallback = h.Flags is null ? number : "Flags.Format(" + bits + ") ?? " + number;
            w.WriteLine("/// <summary>");
            w.WriteLine("/// The text of <see cref=\"global::System.Enum.ToString()\"/>: the member's name (of aliases, the one the runtime picks),");
            if (h.Flags is not null)
            {
                w.WriteLine("/// the names of the flags of a combination joined by \", \" (their texts are kept, up to 64),");
            }

            w.WriteLine("/// else the number in the invariant culture. A member's name is a cached string: nothing is allocated.");
            w.WriteLine("/// </summary>");
            w.WriteLine("public static string ToStringFast(this " + spec.QualifiedType + " value)");
            LookupSpec lookup = h.Text;
            using (w.OpenBlock())
            {
                switch (lookup.Shape)
                {
                    case LookupShape.Table:
                        WriteTableLookup(w, spec, lookup, "s_text", spec.Target.NullableString, "text", "text != null", "return text;");
                        w.WriteLine("return " + fallback + ";");
                        break;
                    case LookupShape.Flags:
                        w.WriteLine("return " + fallback + ";");
                        break;
                    default:
                        WriteSwitch(w, lookup.Cases.Select(c => (c.Member, "return " + c.Code + ";")), "return " + fallback + ";");
                        break;
                }
            }

            w.WriteLine();
            if (lookup.Shape == LookupShape.Table)
            {
                WriteTableField(w, lookup, "s_text", spec.Target.NullableString, "The text of each value by its distance from the smallest value");
                w.WriteLine();
            }
        }

        /// <summary>Statements reading the entry of 'value' from a table field by its distance from the smallest value.</summary>
        internal static void WriteTableLookup(SourceWriter w, EnumSpec spec, LookupSpec lookup, string field, string elementType, string entry, string isPresent, params string[] found)
        {
            string offset = TableOffset(spec, lookup, out string offsetType);

            // Computed modulo 2^32 or 2^64: a value below the smallest is huge and fails the bounds check too.
            w.WriteLine(offsetType + " offset = " + offset + ";");
            w.WriteLine("if (offset < (" + offsetType + ")" + field + ".Length)");
            using (w.OpenBlock())
            {
                w.WriteLine(elementType + " " + entry + " = " + field + "[(int)offset];");
                w.WriteLine("if (" + isPresent + ")");
                using (w.OpenBlock())
                {
                    foreach (string statement in found)
                    {
                        w.WriteLine(statement);
                    }
                }
            }

            w.WriteLine();
        }

        /// <summary>The distance of 'value' from the table's first value, computed modulo 2^32 or 2^64.</summary>
        private static string TableOffset(EnumSpec spec, LookupSpec lookup, out string offsetType)
        {
            bool wide = spec.Keyword == "long" || spec.Keyword == "ulong";
            offsetType = wide ? "ulong" : "uint";
            return lookup.TableStart == 0
                ? "unchecked((" + offsetType + ")value)"
                : "unchecked((" + offsetType + ")value - " + CSharp.Storage(lookup.TableStart, wide) + ")";
        }

        internal static void WriteTableField(SourceWriter w, LookupSpec lookup, string field, string elementType, string what, string nullMeans = "no member has the value")
        {
            w.WriteLine("// " + what + "; null where " + nullMeans + ".");
            w.WritePacked("private static readonly " + elementType + "[] " + field + " = new " + elementType + "[] ", lookup.TableEntries.ToList(), ";");
        }

        internal static void WriteSwitch(SourceWriter w, IEnumerable<(string Label, string Statement)> cases, string otherwise)
        {
            var list = cases.ToList();
            if (list.Count == 0)
            {
                w.WriteLine(otherwise);
                return;
            }

            w.WriteLine("switch (value)");
            using (w.OpenBlock())
            {
                foreach ((string label, string statement) in list)
                {
                    w.WriteLine("case " + label + ":");
                    w.WriteLine("    " + statement);
                }

                w.WriteLine("default:");
                w.WriteLine("    " + otherwise);
            }
        }

        private static void WriteDescriptions(SourceWriter w, EnumSpec spec, HelpersSpec h)
        {
            w.WriteLine("/// <summary>The page's description of the member <see cref=\"ToStringFast\"/> names, as plain text, or null.</summary>");
            w.WriteLine("public static " + spec.Target.NullableString + " GetDescription(this " + spec.QualifiedType + " value)");
            LookupSpec lookup = h.Descriptions;
            bool table = lookup.Shape == LookupShape.Table && lookup.TableEntries.Any(e => e != "null");
            using (w.OpenBlock())
            {
                if (table)
                {
                    string offset = TableOffset(spec, lookup, out string offsetType);
                    w.WriteLine(offsetType + " offset = " + offset + ";");
                    w.WriteLine("return offset < (" + offsetType + ")s_descriptions.Length ? s_descriptions[(int)offset] : null;");
                }
                else
                {
                    WriteSwitch(w, lookup.Cases.Where(c => c.Code != "null").Select(c => (c.Member, "return " + c.Code + ";")), "return null;");
                }
            }

            w.WriteLine();
            if (table)
            {
                WriteTableField(w, lookup, "s_descriptions", spec.Target.NullableString, "The description of each value by its distance from the smallest value", "no member has the value or a description");
                w.WriteLine();
            }
        }

        private static void WriteIsDefined(SourceWriter w, EnumSpec spec, HelpersSpec h)
        {
            w.WriteLine("/// <summary>Whether a member has exactly this value, as Enum.IsDefined (a combination of flags is not one).</summary>");
            w.WriteLine("public static bool IsDefined(" + spec.QualifiedType + " value)");
            using (w.OpenBlock())
            {
                if (h.Defined.Count == 0)
                {
                    w.WriteLine("return false;");
                }
                else if (h.Text.Shape == LookupShape.Table)
                {
                    // ToStringFast's table has an entry exactly where a member has the value. Without gaps, the range
                    // check alone; with gaps in up to 64 entries, its entries as bits of a constant: a range check and
                    // a bit test, no load.
                    string offset = TableOffset(spec, h.Text, out string offsetType);
                    var entries = h.Text.TableEntries;
                    w.WriteLine(offsetType + " offset = " + offset + ";");
                    if (entries.All(e => e != "null"))
                    {
                        w.WriteLine("return offset < " + CSharp.Int(entries.Count) + ";");
                    }
                    else if (entries.Count > 64)
                    {
                        w.WriteLine("return offset < (" + offsetType + ")s_text.Length && s_text[(int)offset] != null;");
                    }
                    else
                    {
                        ulong mask = 0;
                        for (int i = 0; i < entries.Count; i++)
                        {
                            mask |= entries[i] != "null" ? 1UL << i : 0;
                        }

                        w.WriteLine("return offset < " + CSharp.Int(entries.Count) + " && ((" + CSharp.Storage(mask, is64Bit: true) + " >> (int)offset) & 1) != 0;");
                    }
                }
                else
                {
                    w.WriteLine("switch (value)");
                    using (w.OpenBlock())
                    {
                        foreach (string member in h.Defined)
                        {
                            w.WriteLine("case " + member + ":");
                        }

                        w.WriteLine("    return true;");
                        w.WriteLine("default:");
                        w.WriteLine("    return false;");
                    }
                }
            }

            w.WriteLine();
            w.WriteLine("/// <summary>Whether a member has exactly this name (no white space, number or list), ordinal or OrdinalIgnoreCase.</summary>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"name\"/> is null.</exception>");
            w.WriteLine("public static bool IsDefined(string name, bool ignoreCase = false) => Info.IsName(name, ignoreCase);");
            w.WriteLine();
            if (spec.Target.Spans)
            {
                w.WriteLine("/// <summary>As IsDefined(string, bool), on characters.</summary>");
                w.WriteLine("public static bool IsDefined(" + Span + "<char> name, bool ignoreCase = false) => Info.IsName(name, ignoreCase);");
                w.WriteLine();
            }
        }

        /// <summary>
        /// TryParse and Parse for one kind of input, each a call into the support file's EnumParse: the full contract is
        /// documented once, on the string overloads; the others say how they differ.
        /// </summary>
        /// <param name="type">The input's type in Parse; <paramref name="tryType"/> in TryParse (string? where null is allowed).</param>
        private static void WriteParsing(SourceWriter w, EnumSpec spec, string type, string tryType, string parameter, string kind)
        {
            string e = spec.QualifiedType;
            bool isString = type == "string";
            string suffix = type.EndsWith("<byte>", System.StringComparison.Ordinal) ? "Utf8" : string.Empty;
            string onInput = isString ? string.Empty : ", on " + kind;

            w.WriteLine("/// <summary>Enum.TryParse(string, out TEnum)" + onInput + ": names, comma lists and numbers, case-sensitive.</summary>");
            w.WriteLine("public static bool TryParse(" + tryType + " " + parameter + ", out " + e + " result) => TryParse(" + parameter + ", false, true, out result);");
            w.WriteLine();
            w.WriteLine("/// <summary>Enum.TryParse(string, bool, out TEnum)" + onInput + ": names, comma lists and numbers.</summary>");
            w.WriteLine("public static bool TryParse(" + tryType + " " + parameter + ", bool ignoreCase, out " + e + " result) => TryParse(" + parameter + ", ignoreCase, true, out result);");
            w.WriteLine();
            if (isString)
            {
                w.WriteLine("/// <summary>");
                w.WriteLine("/// Parses text exactly as Enum.TryParse does, without reflection or allocation: a name, or names separated by commas");
                w.WriteLine("/// (values combined), or (when <paramref name=\"allowNumbers\"/>) an integer of the underlying type; white space around");
                w.WriteLine("/// the input and each name is ignored. <paramref name=\"ignoreCase\"/> compares with OrdinalIgnoreCase.");
                w.WriteLine("/// </summary>");
            }
            else
            {
                w.WriteLine("/// <summary>As TryParse(string, bool, bool, out TEnum)" + onInput + ".</summary>");
            }

            w.WriteLine("public static bool TryParse(" + tryType + " " + parameter + ", bool ignoreCase, bool allowNumbers, out " + e + " result)");
            using (w.OpenBlock())
            {
                w.WriteLine("ulong bits;");
                w.WriteLine("bool parsed = " + Support + ".EnumParse.TryParse" + suffix + "(" + parameter + ", Info, ignoreCase, allowNumbers, out bits);");
                w.WriteLine("result = " + spec.FromBits("bits") + ";");
                w.WriteLine("return parsed;");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>Enum.Parse(Type, string)" + onInput + ".</summary>");
            w.WriteLine("public static " + e + " Parse(" + type + " " + parameter + ") => Parse(" + parameter + ", false, true);");
            w.WriteLine();
            w.WriteLine("/// <summary>Enum.Parse(Type, string, bool)" + onInput + ".</summary>");
            w.WriteLine("public static " + e + " Parse(" + type + " " + parameter + ", bool ignoreCase) => Parse(" + parameter + ", ignoreCase, true);");
            w.WriteLine();
            if (isString)
            {
                w.WriteLine("/// <summary>Parses text as TryParse(string, bool, bool, out TEnum) does, and throws what Enum.Parse throws.</summary>");
                w.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"" + parameter + "\"/> is null.</exception>");
                w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">The text is empty, white space, or no name, list of names or (when allowed) number.</exception>");
                w.WriteLine("/// <exception cref=\"global::System.OverflowException\">The text is a number outside the range of the underlying type.</exception>");
            }
            else
            {
                w.WriteLine("/// <summary>As Parse(string, bool, bool)" + onInput + ".</summary>");
            }

            w.WriteLine("public static " + e + " Parse(" + type + " " + parameter + ", bool ignoreCase, bool allowNumbers)");
            w.WriteLine("    => " + spec.FromBits(Support + ".EnumParse.Parse" + suffix + "OrThrow(" + parameter + ", Info, ignoreCase, allowNumbers, nameof(" + parameter + "))") + ";");
            w.WriteLine();
        }

        private static void WriteFlags(SourceWriter w, EnumSpec spec, HelpersSpec h)
        {
            if (h.AllFlags is null)
            {
                return;
            }

            string e = spec.QualifiedType;
            w.WriteLine("/// <summary>Every member's bits together.</summary>");
            w.WriteLine("public const " + e + " AllFlags = " + h.AllFlags + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>Whether every bit of <paramref name=\"flag\"/> is set, as Enum.HasFlag (true for a zero flag), without boxing.</summary>");
            w.WriteLine("public static bool HasFlagFast(this " + e + " value, " + e + " flag) => (value & flag) == flag;");
            w.WriteLine();
            w.WriteLine("/// <summary>Whether every bit of <paramref name=\"flags\"/> is set (true when it is zero).</summary>");
            w.WriteLine("public static bool HasAllFlags(this " + e + " value, " + e + " flags) => (value & flags) == flags;");
            w.WriteLine();
            w.WriteLine("/// <summary>Whether any bit of <paramref name=\"flags\"/> is set (false when it is zero).</summary>");
            w.WriteLine("public static bool HasAnyFlags(this " + e + " value, " + e + " flags) => (value & flags) != 0;");
            w.WriteLine();
            w.WriteLine("/// <summary>Whether <paramref name=\"value\"/> has no bits outside <see cref=\"AllFlags\"/>.</summary>");
            w.WriteLine("public static bool HasOnlyKnownFlags(this " + e + " value) => (value & ~AllFlags) == 0;");
            w.WriteLine();
            w.WriteLine("/// <summary><paramref name=\"value\"/> with the bits of <paramref name=\"flags\"/> set.</summary>");
            w.WriteLine("public static " + e + " SetFlags(this " + e + " value, " + e + " flags) => value | flags;");
            w.WriteLine();
            w.WriteLine("/// <summary><paramref name=\"value\"/> with the bits of <paramref name=\"flags\"/> cleared.</summary>");
            w.WriteLine("public static " + e + " ClearFlags(this " + e + " value, " + e + " flags) => value & ~flags;");
        }
    }
}
