using System.Collections.Generic;
using System.Reflection;
using TapiGen.Generator.Usage;

namespace TapiGen.Generator.Diagnostics
{
    /// <summary>
    /// Every diagnostic TapiGen reports. Ids are stable: never renumber, only add (and list new ones in
    /// Diagnostics/AnalyzerReleases.Unshipped.md, which ReleaseTrackingTests checks), with a section in
    /// docs/diagnostics.md. Messages say what is wrong first, then what to do; they name the manifest and the member,
    /// except a project-wide property's (reported once, at no file). Kinds, not Roslyn descriptors: the core reports
    /// them as data, and RoslynDiagnostics makes the descriptors.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "TapiGen";
        private const string UsageCategory = "TapiGen.Usage";

        /// <summary>The file in the repository with one section per id; its headings are the ids, so the anchors are the ids in lower case.</summary>
        public const string HelpFile = "docs/diagnostics.md";

        /// <summary>
        /// Every help link is this plus the id in lower case. The repository's address is the one the package names
        /// (TapiGenRepositoryUrl in Directory.Build.props, stamped on this assembly by the project file), so moving the
        /// repository is one edit. Declared before the descriptors: static fields are initialized in order.
        /// </summary>
        public static readonly string HelpLinkBase = RepositoryUrl() + "/blob/main/" + HelpFile + "#";

        public static readonly DiagnosticKind NoEnumFields = Create(
            "TG0001", Severity.Error,
            "Manifest has no enum fields section",
            "Manifest '{0}' {1}; leave it out of the TapiEnum items (Exclude) if it is not an enum page");

        public static readonly DiagnosticKind NoEnumName = Create(
            "TG0002", Severity.Error,
            "Manifest names no enum",
            "Manifest '{0}' names no enum: add a '# NAME enumeration' heading, or a 'title' or 'api_name' to its front matter");

        public static readonly DiagnosticKind InvalidEnumName = Create(
            "TG0003", Severity.Error,
            "Enum name is not a C# identifier",
            "Manifest '{0}': the enum name '{1}' is not a valid C# identifier; fix the heading or the title, or give a name with the EnumName metadata");

        public static readonly DiagnosticKind InvalidMemberName = Create(
            "TG0004", Severity.Error,
            "Member name is not a C# identifier",
            "Manifest '{0}': member name '{1}' is not a valid C# identifier; correct it (letters, digits and '_', at most 512 characters, no formatting characters)");

        public static readonly DiagnosticKind DuplicateMemberName = Create(
            "TG0005", Severity.Error,
            "Duplicate member name",
            "Manifest '{0}': member '{1}' is declared more than once (first on line {2}); remove or rename one of them");

        public static readonly DiagnosticKind EmptyMemberValue = Create(
            "TG0006", Severity.Error,
            "Member value is empty",
            "Manifest '{0}': member '{1}' has an empty value after ':'; write the value ('{1}:0x1') or remove the ':'");

        public static readonly DiagnosticKind UnknownMemberReference = Create(
            "TG0007", Severity.Error,
            "Value refers to an unknown member",
            "Manifest '{0}': the value of member '{1}' names '{2}', which is no member declared before it; fix the name, or move the member");

        public static readonly DiagnosticKind InvalidMemberValue = Create(
            "TG0008", Severity.Error,
            "Member value cannot be read",
            "Manifest '{0}': the value '{2}' of member '{1}' cannot be read ({3}); write " + Parsing.C.CExpression.AcceptedForms);

        public static readonly DiagnosticKind ValueOutOfRange = Create(
            "TG0009", Severity.Error,
            "Member value out of range",
            "Manifest '{0}': member '{1}' has the value {2}, which no C# enum can hold together with the other members; correct the value (an enum holds long.MinValue to ulong.MaxValue, but no negative value beside one above long.MaxValue)");

        public static readonly DiagnosticKind ValueOnlyInDescription = Create(
            "TG0010", Severity.Warning,
            "Member value probably wrong",
            "Manifest '{0}': member '{1}' is counted as {2}, but its description starts with '{3}', probably its value; write it in the heading (### -field {1}:{4}) or in an overrides file (value {1} = {4}), or set ValuesFromDescriptions");

        public static readonly DiagnosticKind SubHeadingLooksLikeMember = Create(
            "TG0011", Severity.Warning,
            "Sub-heading looks like a member",
            "Manifest '{0}': sub-heading '{1}' looks like a member, but only '### -field' headings are members, so it stays text in the description of '{2}'; in an overrides file, add it (add {1} = VALUE) or mark it as text (text {1})");

        public static readonly DiagnosticKind UnexpectedFailure = Create(
            "TG0012", Severity.Error,
            "TapiGen failed unexpectedly",
            "TapiGen failed on manifest '{0}': {1}; please report this with the manifest attached");

        public static readonly DiagnosticKind NoMembers = Create(
            "TG0013", Severity.Warning,
            "Enum has no members",
            "Manifest '{0}': the enum '{1}' is generated without members: its '## -enum-fields' section has no '### -field' heading");

        public static readonly DiagnosticKind InvalidNamespace = Create(
            "TG0014", Severity.Error,
            "Invalid namespace",
            "{0} is '{1}', which is not a valid C# namespace name, so {2}");

        public static readonly DiagnosticKind DuplicateEnum = Create(
            "TG0015", Severity.Error,
            "Enum generated by more than one manifest",
            "Enum '{0}' is described by more than one manifest ({1}), so none of them is generated; remove one from the TapiEnum items, or give one another Namespace");

        public static readonly DiagnosticKind EmptyMemberName = Create(
            "TG0016", Severity.Error,
            "Member name is empty",
            "Manifest '{0}': a '### -field' heading has no member name; write the name after '-field'");

        public static readonly DiagnosticKind ManifestUnreadable = Create(
            "TG0017", Severity.Error,
            "Manifest cannot be read",
            "Manifest '{0}' cannot be read; check that the file exists and is readable");

        public static readonly DiagnosticKind InvalidOption = Create(
            "TG0018", Severity.Error,
            "Invalid TapiGen option",
            "{0} is '{1}', which is not allowed ({2}), so {3}");

        public static readonly DiagnosticKind NoExplicitValues = Create(
            "TG0019", Severity.Warning,
            "No member has an explicit value",
            "Manifest '{0}': no member of '{1}' has a value, so they are counted from 0 as in C; check the header, and give the real values in an overrides file ('{2}') or list the header as a TapiHeader item");

        public static readonly DiagnosticKind VersionAlias = Create(
            "TG0020", Severity.Info,
            "Member made an alias of the unversioned member",
            "Manifest '{0}': member '{1}' has no value and is '{2}' with a Direct3D version prefix, so it is generated as an alias of '{2}'");

        public static readonly DiagnosticKind OverrideUnknownMember = Create(
            "TG0021", Severity.Error,
            "Override names no member",
            "Overrides file '{0}': '{1}' is not {3} of manifest '{2}'; use a name from the manifest (before any rename), or 'add' to add a member");

        public static readonly DiagnosticKind InvalidOverride = Create(
            "TG0022", Severity.Error,
            "Invalid override",
            "Overrides file '{0}' for manifest '{1}': {2}");

        public static readonly DiagnosticKind OverLimit = Create(
            "TG0023", Severity.Error,
            "Manifest over a size limit",
            "'{0}' {1}, over TapiGen's limit of {2}, so manifest '{3}' is not generated; split it, or remove it from the TapiEnum items");

        public static readonly DiagnosticKind JsonNameConflict = Create(
            "TG0024", Severity.Warning,
            "JSON name cannot be used as computed",
            "Manifest '{0}': member '{1}' gets the JSON name '{2}' under JsonNaming {3}, {4}; choose another JsonNaming, or rename the member");

        public static readonly DiagnosticKind NearMissMemberHeading = Create(
            "TG0025", Severity.Error,
            "Line looks like a member heading but is not one",
            "Manifest '{0}': '{1}' looks like a member heading but is not one: {2}; write '### -field NAME' or '### -field NAME:VALUE'. The enum is not generated: read as text, the member would be lost and every later counted value would shift");

        public static readonly DiagnosticKind TextAfterMemberName = Create(
            "TG0026", Severity.Error,
            "Text after the member name",
            "Manifest '{0}': the heading of member '{1}' has text after the name ('{2}'); a member name has no spaces, and a value goes after ':' ('### -field {1}:VALUE')");

        public static readonly DiagnosticKind UnclosedFrontMatter = Create(
            "TG0027", Severity.Warning,
            "Front matter is never closed",
            "Manifest '{0}': the front matter opened by '---' on line 1 is never closed, so its keys (title, api_name) are not read; add the closing '---' line");

        public static readonly DiagnosticKind HeaderValueDiffers = Create(
            "TG0028", Severity.Warning,
            "Page value differs from the header",
            "Manifest '{0}': member '{1}' is {2} on the page but {3} in {4} line {5}; {6}");

        public static readonly DiagnosticKind MemberOnlyInHeader = Create(
            "TG0029", Severity.Info,
            "Header member the page does not document",
            "Manifest '{0}': member '{1}' is declared in {2} line {3} but is not on the page; it is generated from the header{4}");

        public static readonly DiagnosticKind PageLacksHeaderMember = Create(
            "TG0030", Severity.Warning,
            "Page lacks a member of the header",
            "Manifest '{0}': member '{1}' is declared in {2} line {3} but not on the page, and HeaderValues=Check keeps the page's members; add it in an overrides file (add {1} = {4}) or set HeaderValues to Use");

        public static readonly DiagnosticKind MemberOnlyOnPage = Create(
            "TG0031", Severity.Warning,
            "Page member not in the header",
            "Manifest '{0}': member '{1}' is not in {3}, which declares '{4}', so it keeps the page's value {2}; the page may be newer than the header: check the header's SDK version");

        public static readonly DiagnosticKind EnumNotInHeaders = Create(
            "TG0032", Severity.Info,
            "Enum found in no listed header",
            "Manifest '{0}': none of the {2} listed headers declares '{1}', so its values are not verified; list {3} as a TapiHeader item");

        public static readonly DiagnosticKind HeaderNotEvaluated = Create(
            "TG0033", Severity.Warning,
            "Header enum cannot be evaluated",
            "Header '{0}' line {1}: {2}; enum '{3}' of manifest '{4}' is generated from the page alone, unverified");

        public static readonly DiagnosticKind NotAnEnumPage = Create(
            "TG0034", Severity.Info,
            "Not an enum page",
            "Manifest '{0}' is not an enum page (its UID is '{1}'), so it is skipped; leave it out of the TapiEnum items (Exclude) to silence this");

        public static readonly DiagnosticKind NoManifests = Create(
            "TG0035", Severity.Warning,
            "No TapiEnum items",
            "TapiGen is referenced but the project has no TapiEnum item, so no enum is generated; add one (<TapiEnum Include=\"manifests/*.md\" />), or check that its Include matches the files");

        // Usage analyzers (Usage/UsageAnalyzer.cs): calls of System.Enum on a TapiGen enum that a generated helper
        // answers the same. Info by default, so each can be raised or silenced in .editorconfig.

        public static readonly DiagnosticKind UseToStringFast = CreateUsage(
            UsageContract.ToStringId,
            "Use ToStringFast",
            "'{0}' is generated by TapiGen: ToStringFast() returns the same string as ToString() without reflection");

        public static readonly DiagnosticKind UseToStringFastInInterpolation = CreateUsage(
            UsageContract.InterpolationId,
            "Use ToStringFast in interpolated strings",
            "'{0}' is generated by TapiGen: interpolating ToStringFast() gives the same text without boxing or reflection");

        public static readonly DiagnosticKind UseGeneratedTryParse = CreateUsage(
            UsageContract.TryParseId,
            "Use the generated TryParse",
            "'{0}' is generated by TapiGen: {1}.TryParse accepts the same text as Enum.TryParse without reflection");

        public static readonly DiagnosticKind UseGeneratedParse = CreateUsage(
            UsageContract.ParseId,
            "Use the generated Parse",
            "'{0}' is generated by TapiGen: {1}.Parse accepts the same text as Enum.Parse without reflection");

        public static readonly DiagnosticKind UseGeneratedIsDefined = CreateUsage(
            UsageContract.IsDefinedId,
            "Use the generated IsDefined",
            "'{0}' is generated by TapiGen: {1}.IsDefined gives the same answer as Enum.IsDefined without boxing or reflection");

        public static readonly DiagnosticKind UseHasFlagFast = CreateUsage(
            UsageContract.HasFlagId,
            "Use HasFlagFast",
            "'{0}' is generated by TapiGen: HasFlagFast() gives the same answer as HasFlag() without boxing");

        public static readonly DiagnosticKind UseGeneratedGetValues = CreateUsage(
            UsageContract.GetValuesId,
            "Use the generated GetValues",
            "'{0}' is generated by TapiGen: {1}.GetValues() lists the same values as Enum.GetValues without allocating an array");

        public static readonly DiagnosticKind UseGeneratedGetNames = CreateUsage(
            UsageContract.GetNamesId,
            "Use the generated GetNames",
            "'{0}' is generated by TapiGen: {1}.GetNames() lists the same names as Enum.GetNames without allocating an array");

        private static DiagnosticKind CreateUsage(string id, string title, string message)
            => new DiagnosticKind(id, Severity.Info, title, message, UsageCategory, HelpLinkBase + id.ToLowerInvariant());

        private static DiagnosticKind Create(string id, Severity severity, string title, string message)
            => new DiagnosticKind(id, severity, title, message, Category, HelpLinkBase + id.ToLowerInvariant());

        private static string RepositoryUrl()
        {
            foreach (object attribute in typeof(DiagnosticDescriptors).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), inherit: false))
            {
                if (attribute is AssemblyMetadataAttribute { Key: "TapiGenRepositoryUrl", Value: { } url })
                {
                    return url.TrimEnd('/');
                }
            }

            return string.Empty; // the project file refuses to build without it
        }

        private static Dictionary<string, DiagnosticKind>? s_byId;

        /// <summary>Every descriptor, for docs and tests.</summary>
        public static IReadOnlyCollection<DiagnosticKind> All => Map.Values;

        /// <summary>Finds a descriptor by id, for turning a <see cref="Model.DiagnosticInfo"/> back into a diagnostic.</summary>
        public static DiagnosticKind ById(string id) => Map[id];

        private static Dictionary<string, DiagnosticKind> Map
        {
            get
            {
                if (s_byId is null)
                {
                    var map = new Dictionary<string, DiagnosticKind>();
                    foreach (FieldInfo fieldInfo in typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static))
                    {
                        if (fieldInfo.GetValue(null) is DiagnosticKind descriptor)
                        {
                            map.Add(descriptor.Id, descriptor);
                        }
                    }

                    s_byId = map;
                }

                return s_byId;
            }
        }
    }
}
