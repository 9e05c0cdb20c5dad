using System.Numerics;

namespace TapiGen.Generator.Model
{
    /// <summary>How a member's value was decided on the page.</summary>
    internal enum ValueOrigin
    {
        /// <summary>Written in the member's heading.</summary>
        Heading,

        /// <summary>Not written: the previous value + 1, or 0 for the first member.</summary>
        Counted,

        /// <summary>Taken from the start of the description (ValuesFromDescriptions).</summary>
        Description,

        /// <summary>A Direct3D version alias of an earlier member (TG0020).</summary>
        VersionAlias,

        /// <summary>A 'value' or 'add' line of the overrides file.</summary>
        Overrides,
    }

    /// <summary>
    /// One member as the page (with its overrides file) gives it, before any header is consulted, with the places a
    /// later diagnostic must point at.
    /// </summary>
    /// <param name="NameLocation">The name in the '### -field' heading (or the 'add' line of the overrides file).</param>
    /// <param name="ValueLocation">Where the value is written (heading, overrides line, description), or the name when counted.</param>
    internal sealed record PageMember(
        string Name,
        BigInteger Value,
        ValueStyle Style,
        string? Reference,
        ValueOrigin Origin,
        EquatableArray<string> DocLines,
        string PlainDescription,
        LocationInfo? NameLocation,
        LocationInfo? ValueLocation)
    {
        /// <summary>
        /// When the heading's value cannot be read (TG0006, TG0007, TG0008, TG0026): the error. It stands unless a
        /// header (HeaderValues=Use) gives the member's value; <see cref="Value"/> is then only the count.
        /// </summary>
        public DiagnosticInfo? ValueError { get; init; }

        /// <summary>For <see cref="ValueError"/>: how a message shows the unreadable value.</summary>
        public string? ValueShown { get; init; }
    }

    /// <summary>A '#### - NAME' sub-heading that looks like a member: kept as text, but a header may say it is one.</summary>
    /// <param name="Parent">The member whose text it is in.</param>
    internal sealed record PageSubHeading(string Name, string Parent, EquatableArray<string> DocLines, string PlainDescription, LocationInfo Location);

    /// <summary>A 'rename MEMBER = NEW' line of the overrides file.</summary>
    internal sealed record PageRename(string Member, string NewName, LocationInfo Location);

    /// <summary>
    /// A warning that a header can settle: TG0010 (a value only in prose), TG0011 (a sub-heading that looks like a
    /// member) and TG0019 (no values at all). Reported unless the enum is verified against a header.
    /// </summary>
    /// <param name="Subject">The member or sub-heading it is about; null for the whole enum.</param>
    internal sealed record UnverifiedWarning(DiagnosticInfo Diagnostic, string? Subject);

    /// <summary>
    /// What the parser reads from one manifest and its overrides file: the enum as the page describes it, before the
    /// listed headers are consulted and before names, type and [Flags] are decided (that is <c>EnumPlanner</c>'s job).
    /// </summary>
    /// <param name="PageName">The enum's name on the page (heading, title or api_name): what headers are searched for.</param>
    /// <param name="Name">The C# name: the overrides file's or the EnumName metadata's, else <paramref name="PageName"/>.</param>
    /// <param name="HeaderFileName">The header the page names (front matter 'req.header'), for messages.</param>
    /// <param name="Flags">The [Flags] setting after the overrides file (which wins over the metadata).</param>
    /// <param name="OverridesFileName">The overrides file's name, for messages about its lines.</param>
    /// <param name="Diagnostics">What the page gets in any case; an error among them means nothing is generated.</param>
    internal sealed record PageParse(
        string Path,
        string FileName,
        GeneratorOptions Options,
        string? PageName,
        string? Name,
        string? HeaderFileName,
        FlagsMode Flags,
        EquatableArray<string> SummaryLines,
        EquatableArray<string> RemarksLines,
        EquatableArray<PageMember> Members,
        EquatableArray<PageSubHeading> SubHeadings,
        EquatableArray<PageRename> Renames,
        string OverridesFileName,
        EquatableArray<DiagnosticInfo> Diagnostics,
        EquatableArray<UnverifiedWarning> Unverified,
        bool HasErrors)
    {
        /// <summary>The '## -enum-fields' heading, where a diagnostic about the members as a whole points (TG0013).</summary>
        public LocationInfo? EnumFieldsLocation { get; init; }
    }
}
