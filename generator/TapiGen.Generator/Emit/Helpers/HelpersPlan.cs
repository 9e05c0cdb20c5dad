using System.Collections.Generic;
using System.Linq;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Generator.Emit.Helpers
{
    /// <summary>One member with its value as storage bits.</summary>
    internal sealed class StoredMember
    {
        public StoredMember(EnumMemberModel member, ulong storage)
        {
            Member = member;
            Storage = storage;
        }

        public EnumMemberModel Member { get; }

        public ulong Storage { get; }
    }

    /// <summary>
    /// Everything the helper writers need to know about one enum, decided once: the runtime's member order, which
    /// alias names each value, the flags table, and the names to generate for the enum and its helper class.
    /// </summary>
    internal sealed class HelpersPlan
    {
        private HelpersPlan(EnumModel model, CompilationFacts facts)
        {
            Model = model;
            Facts = facts;
            Type = StorageType.For(model.UnderlyingType);
            Enum = GeneratedNames.QualifiedEnumType(model);
            ClassName = Identifiers.Escape(GeneratedNames.HelpersClass(model));
            UseSpans = facts.HasReadOnlySpan;
            UseUtf8Literals = facts.SupportsUtf8AndSpanPatterns;
            NullableString = facts.SupportsNullable ? "string?" : "string";

            var declared = model.Members.Select(m => new StoredMember(m, Type.ToStorage(m.Value))).ToList();
            int[] order = RuntimeEnumRules.Sort(declared.Select(m => m.Storage).ToList());
            Sorted = order.Select(i => declared[i]).ToList();
            ulong[] sortedValues = Sorted.Select(m => m.Storage).ToArray();

            // One entry per distinct value, ascending, naming the member whose name System.Enum gives that value.
            var named = new List<StoredMember>();
            foreach (ulong value in sortedValues.Distinct().OrderBy(v => v))
            {
                int index = model.IsFlags
                    ? RuntimeEnumRules.FindFlagsExactIndex(sortedValues, value)
                    : RuntimeEnumRules.FindPlainIndex(sortedValues, value);
                named.Add(Sorted[index]);
            }

            Named = named;

            // Combinations are built from the highest value down; of equal values only the last alias can ever
            // match (its bits are gone before an earlier one is tried), and zero never contributes a name.
            FlagTable = named.Where(m => m.Storage != 0).ToList();
            HasZeroMember = sortedValues.Length > 0 && sortedValues[0] == 0;
            AllFlags = sortedValues.Aggregate(0UL, (acc, v) => acc | v);
            HasNonAsciiNames = model.Members.Any(m => m.TextName.Any(c => c > 0x7F));
            TextNamesAreMemberNames = model.Members.All(m => m.TextName == m.Identifier);

            // Parse matches names in the runtime's order; the first one wins when two differ only in case.
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            ParseEntries = Sorted
                .Where(m => seen.Add(m.Member.TextName))
                .Select(m => new NameSwitchEntry(m.Member.TextName, Type.StorageLiteral(m.Storage)))
                .ToList();
        }

        public EnumModel Model { get; }

        public CompilationFacts Facts { get; }

        public StorageType Type { get; }

        /// <summary>The enum type as code, with global::.</summary>
        public string Enum { get; }

        /// <summary>The helper class's name as code.</summary>
        public string ClassName { get; }

        /// <summary>ReadOnlySpan&lt;T&gt; and MemoryExtensions exist: span and UTF-8 overloads are generated.</summary>
        public bool UseSpans { get; }

        /// <summary>C# 11 with spans: "..."u8 literals and switches on spans.</summary>
        public bool UseUtf8Literals { get; }

        /// <summary>"string?" where nullable annotations are allowed, else "string".</summary>
        public string NullableString { get; }

        /// <summary>The members in System.Enum's order (GetValues, GetNames).</summary>
        public IReadOnlyList<StoredMember> Sorted { get; }

        /// <summary>Each distinct value once, ascending, with the member that names it.</summary>
        public IReadOnlyList<StoredMember> Named { get; }

        /// <summary>The nonzero entries of <see cref="Named"/>: what flag combinations are made of.</summary>
        public IReadOnlyList<StoredMember> FlagTable { get; }

        public bool HasZeroMember { get; }

        /// <summary>Every member's bits together.</summary>
        public ulong AllFlags { get; }

        /// <summary>Some text name has a character outside ASCII, so UTF-8 ignore-case matching must decode.</summary>
        public bool HasNonAsciiNames { get; }

        /// <summary>
        /// Every text name is the member's C# name, so ToStringFast, Parse and GetNames agree with System.Enum's methods:
        /// the usage analyzers (Usage/) suggest them only then, and read this from the constant it is printed as.
        /// </summary>
        public bool TextNamesAreMemberNames { get; }

        /// <summary>Text names and their storage literals, in match priority order, each name once.</summary>
        public IReadOnlyList<NameSwitchEntry> ParseEntries { get; }

        /// <summary>The enum's full name for messages: "Tapi.Tests.CALL_STATE".</summary>
        public string DisplayName => Model.FullName;

        public static HelpersPlan Create(EnumModel model, CompilationFacts facts) => new HelpersPlan(model, facts);

        /// <summary>The member as code: "global::Ns.E.NAME".</summary>
        public string MemberRef(EnumMemberModel member) => Enum + "." + Identifiers.Escape(member.Identifier);
    }
}
