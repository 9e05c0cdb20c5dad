using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using TapiGen.Generator.Emit;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Generator.Planning
{
    /// <summary>
    /// Makes an enum's <see cref="EnumSpec"/> from its model and what the consumer can compile: every decision the
    /// emitters would otherwise make, made here once.
    /// </summary>
    internal static class SpecBuilder
    {
        public static EnumSpec Build(EnumModel model, CompilationFacts facts)
        {
            string qualified = GeneratedNames.QualifiedEnumType(model);
            string keyword = Keyword(model.UnderlyingType);
            TargetSpec target = Target(facts);
            StorageType storage = StorageType.For(model.UnderlyingType);
            var members = model.Members.Select(m => new MemberSpec(
                Identifiers.Escape(m.Identifier),
                Literal(m),
                m.DocLines.Count > 0 ? m.DocLines : new[] { "<c>" + m.Name + "</c>, which the manifest does not describe." }.ToEquatableArray())).ToEquatableArray();

            HelpersSpec? helpers = model.Options.GenerateHelpers ? Helpers(model, qualified, storage) : null;
            ConverterSpec? stj = GeneratedNames.EmitsSystemTextJson(model, facts) ? Converter(model, storage, helpers, GeneratedNames.SystemTextJsonConverter(model), onEnum: true) : null;
            ConverterSpec? newtonsoft = GeneratedNames.EmitsNewtonsoftJson(model, facts) ? Converter(model, storage, helpers, GeneratedNames.NewtonsoftJsonConverter(model), model.Options.NewtonsoftAttribute) : null;

            var attributes = new List<string>();
            if (model.IsFlags)
            {
                attributes.Add("[global::System.Flags]");
            }

            // The type's own [JsonConverter] makes the generated converter the default: no options needed, and the
            // System.Text.Json source generator picks it up too (from a referenced assembly).
            if (stj is not null)
            {
                attributes.Add("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + Qualified(model, stj.ClassName) + "))]");
            }

            if (newtonsoft is not null && newtonsoft.OnEnum)
            {
                attributes.Add("[global::Newtonsoft.Json.JsonConverter(typeof(" + Qualified(model, newtonsoft.ClassName) + "))]");
            }

            return new EnumSpec(
                model.Namespace.Length == 0 ? string.Empty : Identifiers.EscapeNamespace(model.Namespace),
                GeneratedNames.EnumType(model),
                qualified,
                model.FullName,
                GeneratedNames.Accessibility(model),
                model.ManifestFileName,
                keyword,
                model.IsFlags,
                model.SummaryLines.Count > 0 ? model.SummaryLines : new[] { "The <c>" + model.Identifier + "</c> enumeration from <c>" + Xml(model.ManifestFileName) + "</c>, which has no description." }.ToEquatableArray(),
                model.RemarksLines,
                members,
                attributes.ToEquatableArray(),
                helpers,
                stj,
                newtonsoft,
                target);
        }

        /// <summary>The support file's parts the specs use.</summary>
        public static SupportSpec? Support(IReadOnlyList<EnumSpec> specs, CompilationFacts facts)
        {
            bool helpers = specs.Any(s => s.Helpers is not null);
            bool stj = specs.Any(s => s.SystemTextJson is not null);
            bool newtonsoft = specs.Any(s => s.Newtonsoft is not null);
            if (!helpers && !stj && !newtonsoft)
            {
                return null;
            }

            bool flags = specs.Any(s => s.IsFlags && (s.Helpers is not null || s.SystemTextJson is not null || s.Newtonsoft is not null));
            return new SupportSpec(flags, stj, newtonsoft, Target(facts) with { ExtensionMembers = false });
        }

        private static TargetSpec Target(CompilationFacts facts)
            => new TargetSpec(facts.HasReadOnlySpan, facts.SupportsNullable, facts.HasJsonPropertyNameApis, facts.HasUtf8JsonReaderCopyString, facts.SupportsExtensionMembers,
                Net5: facts.HasEnumGenericApis && facts.HasReadOnlySpan, Net8: facts.HasVector128Create && facts.HasReadOnlySpan);

        private static HelpersSpec Helpers(EnumModel model, string qualified, StorageType storage)
        {
            List<(EnumMemberModel Member, ulong Bits)> sorted = SortedMembers(model, storage);
            ulong[] sortedBits = sorted.Select(m => m.Bits).ToArray();

            // Each distinct value once, ascending, with the member whose name System.Enum gives it.
            var named = new List<(EnumMemberModel Member, ulong Bits)>();
            foreach (ulong value in sortedBits.Distinct().OrderBy(v => v))
            {
                int index = model.IsFlags ? RuntimeEnumRules.FindFlagsExactIndex(sortedBits, value) : RuntimeEnumRules.FindPlainIndex(sortedBits, value);
                named.Add(sorted[index]);
            }

            string Ref(EnumMemberModel m) => qualified + "." + Identifiers.Escape(m.Identifier);
            FlagsSpec? flags = model.IsFlags ? FlagsOf(named.Select(n => (n.Bits, n.Member.TextName))) : null;
            LookupSpec toString = Lookup(model, storage, named.Select(n => (n.Member.Value, n.Bits, Ref(n.Member), CSharp.String(n.Member.TextName))).ToList(), flags);

            // Parse matches names in the runtime's order (the first wins when two differ only in case), and GetNames
            // lists them in that order: text names are unique, as C# names are.
            ulong all = sortedBits.Aggregate(0UL, (acc, v) => acc | v);
            var names = new NamesSpec(sorted.Select(m => m.Member.TextName).ToEquatableArray(), sortedBits.ToEquatableArray());
            return new HelpersSpec(
                Identifiers.Escape(GeneratedNames.HelpersClass(model)),
                sorted.Select(m => Ref(m.Member)).ToEquatableArray(),
                names,
                toString,
                flags,
                Lookup(model, storage, named.Select(n => (n.Member.Value, n.Bits, Ref(n.Member), n.Member.PlainDescription.Length > 0 ? CSharp.String(n.Member.PlainDescription) : NoText)).ToList(), flags: null),
                named.Select(n => Ref(n.Member)).ToEquatableArray(),
                model.IsFlags ? storage.EnumConstant(qualified, all) : null,
                model.Members.All(m => m.TextName == m.Identifier),
                flags is not null && AreTheNames(flags, names));
        }

        private static ConverterSpec Converter(EnumModel model, StorageType storage, HelpersSpec? helpers, string className, bool onEnum)
        {
            JsonNames names = JsonNames.For(model);
            var read = new NamesSpec(
                names.Readable.Select(n => n.Name).ToEquatableArray(),
                names.Readable.Select(n => storage.ToStorage(n.Member.Value)).ToEquatableArray());

            // The helpers' names serve when they are the same names: then the order (which only breaks ties ignoring
            // case) cannot matter, as no two of them are equal ignoring case.
            bool shared = helpers is not null
                && new HashSet<string>(read.Names).SetEquals(helpers.Names.Names)
                && read.Names.Select(n => n.ToUpperInvariant()).Distinct().Count() == read.Names.Count
                && read.Names.Select((n, i) => (n, read.Bits[i])).All(p => helpers.Names.Bits[IndexOf(helpers.Names.Names, p.n)] == p.Item2);
            string qualified = GeneratedNames.QualifiedEnumType(model);
            var written = names.Written.Select(n => (n.Member.Value, Bits: storage.ToStorage(n.Member.Value), Member: qualified + "." + Identifiers.Escape(n.Member.Identifier), n.Name)).ToList();
            FlagsSpec? flags = model.IsFlags ? FlagsOf(written.Select(w => (w.Bits, w.Name))) : null;
            LookupSpec write = Lookup(model, storage, written.Select(w => (w.Value, w.Bits, w.Member, CSharp.String(w.Name))).ToList(), flags: null);
            int options = (model.Options.JsonAllowNumbers ? 1 : 0) | (model.Options.JsonIgnoreCase ? 2 : 0) | (model.Options.JsonUndefined == JsonUndefined.Error ? 4 : 0);
            return new ConverterSpec(Identifiers.Escape(className), shared ? null : read, write, flags, options, onEnum, !shared && flags is not null && AreTheNames(flags, read));
        }

        /// <summary>
        /// Whether the flag names are exactly the names, ascending (the zero member apart): each value has one name,
        /// so the support file's FlagNames(EnumInfo) makes them from the names without a second copy in the code.
        /// </summary>
        private static bool AreTheNames(FlagsSpec flags, NamesSpec names)
        {
            int skip = names.Bits.Count > 0 && names.Bits[0] == 0 ? 1 : 0;
            if (names.Bits.Count - skip != flags.Values.Count || (skip == 1 ? names.Names[0] : null) != flags.ZeroName)
            {
                return false;
            }

            for (int i = 0; i < flags.Values.Count; i++)
            {
                if (names.Bits[i + skip] != flags.Values[i] || names.Names[i + skip] != flags.Names[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The members in System.Enum's order, with their bits.</summary>
        private static List<(EnumMemberModel Member, ulong Bits)> SortedMembers(EnumModel model, StorageType storage)
        {
            var declared = model.Members.Select(m => (Member: m, Bits: storage.ToStorage(m.Value))).ToList();
            int[] order = RuntimeEnumRules.Sort(declared.Select(m => m.Bits).ToList());
            return order.Select(i => declared[i]).ToList();
        }

        /// <summary>The nonzero values ascending with their names, and the zero member's name.</summary>
        private static FlagsSpec FlagsOf(IEnumerable<(ulong Bits, string Name)> named)
        {
            var ordered = named.OrderBy(n => n.Bits).ToList();
            var nonZero = ordered.Where(n => n.Bits != 0).ToList();
            string? zero = ordered.Where(n => n.Bits == 0).Select(n => n.Name).FirstOrDefault();
            return new FlagsSpec(nonZero.Select(n => n.Bits).ToEquatableArray(), nonZero.Select(n => n.Name).ToEquatableArray(), zero);
        }

        /// <summary>
        /// Values close together: a table by offset from the smallest (see <see cref="ValueTable"/>); single-bit flags
        /// spread wide: through the flag names; otherwise a switch.
        /// </summary>
        /// <summary>A lookup entry with no text: the table slot of a value no member has, or a member without a description.</summary>
        private const string NoText = "null";

        private static LookupSpec Lookup(EnumModel model, StorageType storage, List<(BigInteger Value, ulong Bits, string Member, string Code)> entries, FlagsSpec? flags)
        {
            var cases = entries.Select(e => new ValueText(e.Bits, e.Member, e.Code)).ToEquatableArray();
            ValueTable? table = ValueTable.For(model.UnderlyingType, entries.Select(e => e.Value).ToList());
            if (table is not null)
            {
                var slots = Enumerable.Repeat(NoText, table.Length).ToArray();
                foreach (var entry in entries)
                {
                    slots[(int)(entry.Value - table.Min)] = entry.Code;
                }

                return new LookupSpec(LookupShape.Table, storage.ToStorage(table.Min), slots.ToEquatableArray(), cases);
            }

            // A [Flags] enum's values spread wide: FlagNames names members and combinations alike (a member's own value
            // is its cached name), so a switch first would only add a mispredicted jump.
            bool viaFlags = flags is not null && flags.Values.Count > 0;
            return new LookupSpec(viaFlags ? LookupShape.Flags : LookupShape.Switch, 0, EquatableArray<string>.Empty, cases);
        }

        private static int IndexOf(EquatableArray<string> names, string name)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        internal static string Keyword(UnderlyingType type)
            => type switch
            {
                UnderlyingType.UInt32 => "uint",
                UnderlyingType.Int64 => "long",
                UnderlyingType.UInt64 => "ulong",
                _ => "int",
            };

        /// <summary>
        /// The member's value as C#. The parser guarantees the value fits the underlying type, so a plain literal
        /// (negative values in decimal) always converts implicitly.
        /// </summary>
        private static string Literal(EnumMemberModel member)
        {
            if (member.Style == ValueStyle.Reference && member.ReferencedIdentifier is not null)
            {
                return Identifiers.Escape(member.ReferencedIdentifier);
            }

            BigInteger value = member.Value;
            if (member.Style == ValueStyle.Hex && value.Sign >= 0)
            {
                string hex = value.ToString("X", CultureInfo.InvariantCulture).TrimStart('0');
                return "0x" + (hex.Length == 0 ? "0" : hex);
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static string Qualified(EnumModel model, string typeName)
            => "global::" + (model.Namespace.Length == 0 ? string.Empty : Identifiers.EscapeNamespace(model.Namespace) + ".") + typeName;

        private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
