using TapiGen.Generator.Model;

namespace TapiGen.Generator.Planning
{
    /// <summary>
    /// Everything the emitters print for one enum, decided before any C# is written: names as code, the members in
    /// System.Enum's order, which name each value is written with (by ToStringFast and by the JSON converters), the
    /// tables and their shapes, and which overloads the consumer can compile. Emitters make no decision; they print
    /// this. Value-equal, so an unchanged spec re-emits nothing.
    /// </summary>
    /// <param name="Namespace">The namespace as code (escaped), or empty for the global namespace.</param>
    /// <param name="TypeName">The enum's name as code ("AGENT_SESSION_EVENT", "@class").</param>
    /// <param name="QualifiedType">"global::Ns.E".</param>
    /// <param name="DisplayName">"Ns.E", for messages.</param>
    /// <param name="Keyword">The underlying type: "int", "uint", "long" or "ulong".</param>
    internal sealed record EnumSpec(
        string Namespace,
        string TypeName,
        string QualifiedType,
        string DisplayName,
        string Accessibility,
        string ManifestFileName,
        string Keyword,
        bool IsFlags,
        EquatableArray<string> SummaryLines,
        EquatableArray<string> RemarksLines,
        EquatableArray<MemberSpec> Members,
        EquatableArray<string> Attributes,
        HelpersSpec? Helpers,
        ConverterSpec? SystemTextJson,
        ConverterSpec? Newtonsoft,
        TargetSpec Target)
    {
        /// <summary>"unchecked((global::Ns.E)(int)bits)": unsigned bits back to the enum.</summary>
        public string FromBits(string bits) => "unchecked((" + QualifiedType + ")(" + Keyword + ")" + bits + ")";

        /// <summary>The enum as its unsigned bits in a ulong: "unchecked((ulong)(uint)value)".</summary>
        public string ToBits(string value)
            => Keyword == "int" || Keyword == "uint" ? "unchecked((ulong)(uint)" + value + ")" : "unchecked((ulong)" + value + ")";
    }

    /// <summary>A member as the enum declares it: its name as code, its value as a literal or a reference, its docs.</summary>
    internal sealed record MemberSpec(string Identifier, string Value, EquatableArray<string> DocLines);

    /// <summary>What the consumer's compilation can compile.</summary>
    /// <param name="Spans">ReadOnlySpan, MemoryExtensions and MemoryMarshal exist: span and UTF-8 overloads.</param>
    /// <param name="Nullable">C# 8 or later: nullable annotations.</param>
    /// <param name="ExtensionMembers">C# 14 or later: the static helpers go in an extension(E) block, so E.Parse and E.GetValues work (E.TryParse(s, out e) still binds to System.Enum's).</param>
    /// <param name="Net5">.NET 5 or later (Enum.GetValues&lt;T&gt; tells): string.Create and BitOperations exist. Implies <paramref name="Spans"/>.</param>
    /// <param name="Net8">.NET 8 or later (Vector128.Create(ReadOnlySpan&lt;T&gt;) and Vector512 tell): names compare as vectors. Implies <paramref name="Spans"/>.</param>
    internal sealed record TargetSpec(bool Spans, bool Nullable, bool JsonPropertyNames, bool JsonCopyString, bool ExtensionMembers, bool Net5, bool Net8)
    {
        /// <summary>"string?" or "string".</summary>
        public string NullableString => Nullable ? "string?" : "string";

        public string Q => Nullable ? "?" : string.Empty;
    }

    /// <summary>
    /// A value and what it is written as: its unsigned bits, the member that has it (as code, a switch label), and the
    /// text (a C# literal). One entry per distinct value.
    /// </summary>
    internal sealed record ValueText(ulong Bits, string Member, string Code);

    /// <summary>
    /// How a value is looked up: in an array by its distance from the smallest value (values close together: no
    /// branch on the value), through the flag names ([Flags] values spread wide), or by a switch.
    /// </summary>
    internal enum LookupShape
    {
        Switch,
        Table,
        Flags,
    }

    /// <summary>A lookup from value to text: its shape, and for <see cref="LookupShape.Table"/> the first value's bits and the entries by offset (null: no member).</summary>
    internal sealed record LookupSpec(LookupShape Shape, ulong TableStart, EquatableArray<string> TableEntries, EquatableArray<ValueText> Cases);

    /// <summary>The flag names of a [Flags] enum: the nonzero values ascending with the name each is written with, and the zero member's name.</summary>
    internal sealed record FlagsSpec(EquatableArray<ulong> Values, EquatableArray<string> Names, string? ZeroName);

    /// <summary>The names text is matched against, in priority order (the first wins ignoring case), with their values.</summary>
    internal sealed record NamesSpec(EquatableArray<string> Names, EquatableArray<ulong> Bits);

    /// <summary>{Enum}Extensions.</summary>
    /// <param name="SortedMembers">Member references ("global::Ns.E.A") in System.Enum's order (GetValues).</param>
    /// <param name="Names">GetNames and the names TryParse matches: the text names in System.Enum's order.</param>
    /// <param name="Text">What ToStringFast returns for each value (the alias Enum.ToString picks).</param>
    /// <param name="Descriptions">What GetDescription returns for each value: the plain text of the member ToStringFast names ("null" where it has none), as a table or a switch.</param>
    /// <param name="Defined">IsDefined(value)'s cases: one member reference per distinct value.</param>
    /// <param name="AllFlags">For [Flags] enums, every member's bits together, as a constant of the enum.</param>
    /// <param name="FlagsFromInfo">The flag names are the names (no aliases): FlagNames is made from Info, not from copies.</param>
    internal sealed record HelpersSpec(
        string ClassName,
        EquatableArray<string> SortedMembers,
        NamesSpec Names,
        LookupSpec Text,
        FlagsSpec? Flags,
        LookupSpec Descriptions,
        EquatableArray<string> Defined,
        string? AllFlags,
        bool TextNamesAreMemberNames,
        bool FlagsFromInfo);

    /// <summary>A JSON converter (System.Text.Json or Newtonsoft.Json).</summary>
    /// <param name="Names">The JSON names read, in reading order, or null when they are the helpers' names (then shared).</param>
    /// <param name="Write">The name each value is written with (JsonStringEnumConverter's alias).</param>
    /// <param name="Flags">For [Flags] enums, the names combinations are written with.</param>
    /// <param name="Options">JsonEnum's option bits: AllowNumbers 1, IgnoreCase 2, UndefinedIsError 4.</param>
    /// <param name="FlagsFromInfo">The flag names are its own <paramref name="Names"/> (no aliases): made from them, not from copies.</param>
    internal sealed record ConverterSpec(string ClassName, NamesSpec? Names, LookupSpec Write, FlagsSpec? Flags, int Options, bool OnEnum, bool FlagsFromInfo);

    /// <summary>Which parts of the support file the compilation's enums use, and what it can compile.</summary>
    internal sealed record SupportSpec(bool Flags, bool SystemTextJson, bool Newtonsoft, TargetSpec Target);
}
