using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Threading;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// One pass over one manifest: front matter, then the Markdown sections, then the members' values (in
    /// PageReader.Members.cs), with the manifest's overrides file applied.
    /// </summary>
    internal sealed partial class PageReader
    {
        private const string EnumerationSuffix = " enumeration";

        private readonly ManifestFile _file;
        private readonly CancellationToken _cancellationToken;
        private readonly TextLines _lines;
        private readonly string _fileName;
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();

        private readonly List<string> _description = new List<string>();
        private readonly List<string> _remarks = new List<string>();
        private readonly List<MemberDraft> _members = new List<MemberDraft>();
        private readonly List<PageSubHeading> _subHeadings = new List<PageSubHeading>();
        private readonly List<PageRename> _renames = new List<PageRename>();
        private readonly List<UnverifiedWarning> _unverified = new List<UnverifiedWarning>();
        private bool _sawEnumFields;
        private LocationInfo? _enumFieldsLocation;
        private bool _overMemberLimit;
        private string? _headingName;
        private Overrides _overrides = Overrides.None;

        /// <summary>
        /// Turns one manifest's text into a <see cref="PageParse"/>: the enum as the page describes it, and located
        /// diagnostics. Pure (no I/O) and total: an unexpected failure becomes TG0012 for this manifest only.
        /// </summary>
        public static PageParse Read(ManifestFile file, CancellationToken cancellationToken)
        {
            try
            {
                return new PageReader(file, cancellationToken).ReadPage();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                var info = DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnexpectedFailure,
                    LocationInfo.FileStart(file.Path),
                    FileNames.Of(file.Path),
                    e.GetType().Name + ": " + e.Message);
                return new PageParse(
                    file.Path,
                    FileNames.Of(file.Path),
                    file.Options,
                    null,
                    null,
                    null,
                    file.Options.Flags,
                    EquatableArray<string>.Empty,
                    EquatableArray<string>.Empty,
                    EquatableArray<PageMember>.Empty,
                    EquatableArray<PageSubHeading>.Empty,
                    EquatableArray<PageRename>.Empty,
                    string.Empty,
                    ImmutableArray.Create(info).ToEquatableArray(),
                    EquatableArray<UnverifiedWarning>.Empty,
                    HasErrors: true);
            }
        }

        private PageReader(ManifestFile file, CancellationToken cancellationToken)
        {
            _file = file;
            _cancellationToken = cancellationToken;
            _lines = TextLines.Of(file.Text ?? string.Empty);
            _fileName = FileNames.Of(file.Path);
        }

        private enum Section
        {
            None,
            Description,
            EnumFields,
            Remarks,
            Other,
        }

        private PageParse ReadPage()
        {
            if (_file.TextLength > Limits.MaxFileChars)
            {
                Report(DiagnosticDescriptors.OverLimit, FileStart(), _fileName, "has " + Count(_file.TextLength) + " characters", Count(Limits.MaxFileChars) + " characters", _fileName);
                return Failed();
            }

            if (_file.Text is null)
            {
                Report(DiagnosticDescriptors.ManifestUnreadable, FileStart(), _fileName);
                return Failed();
            }

            _overrides = Overrides.Read(_file, _diagnostics);

            TextLines lines = _lines;
            int bodyStart = 0;
            int uidLine = -1;
            FrontMatter frontMatter = FrontMatter.Empty;
            if (lines.Count > 0 && LineText(0).TrimStart('\uFEFF').TrimEnd() == "---")
            {
                bool closed = false;
                for (int i = 1; i < lines.Count; i++)
                {
                    string t = LineText(i).TrimEnd();
                    if (t == "---" || t == "...")
                    {
                        var fm = new List<string>(i - 1);
                        for (int j = 1; j < i; j++)
                        {
                            fm.Add(LineText(j));
                            if (uidLine < 0 && LineText(j).StartsWith("UID:", StringComparison.Ordinal))
                            {
                                uidLine = j;
                            }
                        }

                        frontMatter = FrontMatter.Parse(fm);
                        bodyStart = i + 1;
                        closed = true;
                        break;
                    }
                }

                if (!closed)
                {
                    int dashes = LineText(0).IndexOf('-');
                    Report(DiagnosticDescriptors.UnclosedFrontMatter, Span(0, dashes, dashes + 3), _fileName);
                }
            }

            ReadBody(bodyStart);
            if (!_overMemberLimit && _members.Count + _overrides.Adds.Count > Limits.MaxMembers)
            {
                Report(DiagnosticDescriptors.OverLimit, FileStart(), _fileName, "has more than " + Count(Limits.MaxMembers) + " members, counting those its overrides file adds", Count(Limits.MaxMembers) + " members", _fileName);
                _overMemberLimit = true;
            }

            if (_overMemberLimit)
            {
                return Failed();
            }

            if (!_sawEnumFields)
            {
                if (uidLine >= 0 && !IsEnumPageUid(frontMatter.First("UID")))
                {
                    // Another sdk-api page (a function's, a structure's) that a glob picked up: say so, and skip it.
                    string uidText = LineText(uidLine);
                    Report(DiagnosticDescriptors.NotAnEnumPage, Span(uidLine, 0, uidText.TrimEnd().Length), _fileName, frontMatter.First("UID") ?? string.Empty);
                    return Failed();
                }

                string why = _file.Text.Trim('\uFEFF', ' ', '\t', '\r', '\n').Length == 0 ? "is empty" : "has no '## -enum-fields' section, so it describes no enum";
                Report(DiagnosticDescriptors.NoEnumFields, FileStart(), _fileName, why);
                return Failed();
            }

            foreach (DiagnosticInfo optionProblem in _file.OptionDiagnostics)
            {
                _diagnostics.Add(optionProblem);
            }

            string? pageName = ChooseEnumName(frontMatter);
            string? name = _overrides.EnumName ?? _file.Options.EnumName ?? pageName;
            if (name is null)
            {
                Report(DiagnosticDescriptors.NoEnumName, FileStart(), _fileName);
            }
            else if (!Identifiers.IsValid(name))
            {
                Report(DiagnosticDescriptors.InvalidEnumName, FileStart(), _fileName, name);
            }

            List<PageMember> members = EvaluateMembers(name);
            return new PageParse(
                _file.Path,
                _fileName,
                _file.Options,
                pageName,
                name,
                frontMatter.First("req.header"),
                _overrides.Flags ?? _file.Options.Flags,
                DocConverter.ToXmlDocLines(string.Join("\n", _description)).ToEquatableArray(),
                DocConverter.ToXmlDocLines(string.Join("\n", _remarks)).ToEquatableArray(),
                members.ToEquatableArray(),
                _subHeadings.ToEquatableArray(),
                _renames.ToEquatableArray(),
                _overrides.FileName,
                _diagnostics.ToEquatableArray(),
                _unverified.ToEquatableArray(),
                HasErrors() || name is null)
            {
                EnumFieldsLocation = _enumFieldsLocation,
            };
        }

        /// <summary>
        /// sdk-api pages say what they document in their UID: "NE:tapi3if.CALL_STATE" for an enum, NF: for a function,
        /// NS: for a structure. Only a page without a fields section and with another UID is skipped as no enum page;
        /// a page without front matter or UID is read as before.
        /// </summary>
        private static bool IsEnumPageUid(string? uid)
            => uid is null || WithoutFormatCharacters(uid).Trim().StartsWith("NE:", StringComparison.OrdinalIgnoreCase);

        /// <summary>The text without invisible format characters (a byte order mark, a zero-width space pasted in).</summary>
        private static string WithoutFormatCharacters(string text)
            => new string(text.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray());

        /// <summary>A page that cannot be generated at all: only its diagnostics.</summary>
        private PageParse Failed()
            => new PageParse(
                _file.Path,
                _fileName,
                _file.Options,
                null,
                null,
                null,
                _file.Options.Flags,
                EquatableArray<string>.Empty,
                EquatableArray<string>.Empty,
                EquatableArray<PageMember>.Empty,
                EquatableArray<PageSubHeading>.Empty,
                EquatableArray<PageRename>.Empty,
                _overrides.FileName,
                _diagnostics.ToEquatableArray(),
                EquatableArray<UnverifiedWarning>.Empty,
                HasErrors: true);

        private void ReadBody(int start)
        {
            TextLines lines = _lines;
            Section section = Section.None;
            char fenceChar = '\0';
            int fenceLength = 0;
            MemberDraft? member = null;

            for (int i = start; i < lines.Count; i++)
            {
                if ((i & 0xFF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                string line = LineText(i);
                if (fenceChar != '\0')
                {
                    if (IsFence(line, out char c, out int n) && c == fenceChar && n >= fenceLength)
                    {
                        fenceChar = '\0';
                    }
                }
                else if (IsFence(line, out char c, out int n))
                {
                    fenceChar = c;
                    fenceLength = n;
                }
                else if (section == Section.EnumFields && MemberHeading.IsMemberHeading(line, out int keywordColumn))
                {
                    if (_members.Count + _overrides.Adds.Count >= Limits.MaxMembers)
                    {
                        // Stop here: a page this large is generated or hostile, and reading on only costs time.
                        Report(DiagnosticDescriptors.OverLimit, Span(i, 0, line.Length), _fileName, "has more than " + Count(Limits.MaxMembers) + " members", Count(Limits.MaxMembers) + " members", _fileName);
                        _overMemberLimit = true;
                        return;
                    }

                    member = ReadFieldHeading(i, line, keywordColumn);
                    _members.Add(member);
                    continue;
                }
                else if (section == Section.EnumFields && MemberHeading.IsNearMiss(line, out MemberHeading.NearMiss nearMiss))
                {
                    // Reading it as text would drop a member and shift every later counted value: an error instead.
                    Report(DiagnosticDescriptors.NearMissMemberHeading, Span(i, nearMiss.Start, Math.Max(nearMiss.End, nearMiss.Start)), _fileName, line.Trim(), nearMiss.Reason);
                    member = null;
                    continue;
                }
                else if (IsHeading(line, out int level, out string heading, out int headingColumn))
                {
                    if (level == 1)
                    {
                        if (_headingName is null && heading.EndsWith(EnumerationSuffix, StringComparison.OrdinalIgnoreCase))
                        {
                            _headingName = heading.Substring(0, heading.Length - EnumerationSuffix.Length).Trim();
                        }

                        section = Section.None;
                        continue;
                    }

                    if (level == 2)
                    {
                        section = SectionOf(heading);
                        if (section == Section.EnumFields && !_sawEnumFields)
                        {
                            int indent = line.Length - line.TrimStart().Length;
                            _enumFieldsLocation = Span(i, indent, line.TrimEnd().Length);
                        }

                        _sawEnumFields |= section == Section.EnumFields;
                        member = null;
                        continue;
                    }

                    if (section == Section.EnumFields && level >= 4 && member is not null)
                    {
                        ReadSubHeading(i, headingColumn, heading, member);
                        continue;
                    }
                }

                switch (section)
                {
                    case Section.Description:
                        _description.Add(line);
                        break;
                    case Section.Remarks:
                        _remarks.Add(line);
                        break;
                    case Section.EnumFields when member is not null:
                        if (member.FirstBodyLine < 0 && line.Trim().Length > 0)
                        {
                            member.FirstBodyLine = i;
                        }

                        member.Body.Add(line);
                        break;
                }
            }
        }

        private static Section SectionOf(string heading)
        {
            switch (heading.Trim().ToLowerInvariant())
            {
                case "-description":
                    return Section.Description;
                case "-enum-fields":
                    return Section.EnumFields;
                case "-remarks":
                    return Section.Remarks;
                default:
                    return Section.Other;
            }
        }

        private MemberDraft ReadFieldHeading(int lineIndex, string line, int keywordColumn)
        {
            var draft = new MemberDraft(lineIndex);
            int p = keywordColumn + MemberHeading.Keyword.Length;
            while (p < line.Length && char.IsWhiteSpace(line[p]))
            {
                p++;
            }

            int nameStart = p;
            while (p < line.Length && line[p] != ':' && line[p] != '(' && !char.IsWhiteSpace(line[p]))
            {
                p++;
            }

            draft.Name = line.Substring(nameStart, p - nameStart);
            draft.NameLocation = Span(lineIndex, nameStart, Math.Max(p, nameStart));
            while (p < line.Length && char.IsWhiteSpace(line[p]))
            {
                p++;
            }

            if (p >= line.Length)
            {
                return draft;
            }

            int valueStart, valueEnd;
            if (line[p] == ':')
            {
                draft.HasColon = true;
                valueStart = p + 1;
                valueEnd = line.Length;
            }
            else if (line[p] == '(' && line.TrimEnd().EndsWith(")", StringComparison.Ordinal))
            {
                valueStart = p + 1;
                valueEnd = line.TrimEnd().Length - 1;
            }
            else
            {
                draft.IsTrailingText = true;
                valueStart = p;
                valueEnd = line.Length;
            }

            while (valueStart < valueEnd && char.IsWhiteSpace(line[valueStart]))
            {
                valueStart++;
            }

            while (valueEnd > valueStart && char.IsWhiteSpace(line[valueEnd - 1]))
            {
                valueEnd--;
            }

            draft.ValueText = line.Substring(valueStart, valueEnd - valueStart);
            draft.ValueLocation = valueEnd > valueStart ? Span(lineIndex, valueStart, valueEnd) : Span(lineIndex, p, p + 1);
            return draft;
        }

        private void ReadSubHeading(int lineIndex, int headingColumn, string heading, MemberDraft member)
        {
            string text = heading.TrimStart('-', ' ', '\t');
            int column = headingColumn + Math.Max(0, heading.IndexOf(text, StringComparison.Ordinal));
            member.SubHeadings.Add(new SubHeadingDraft(text, member.Body.Count, Span(lineIndex, column, column + text.Length)));
            member.Body.Add(string.Empty);
            member.Body.Add("**" + text + "**");
            member.Body.Add(string.Empty);
        }

        private string? ChooseEnumName(FrontMatter frontMatter)
        {
            foreach (string? candidate in new[] { _headingName, StripHeader(frontMatter.First("title")), frontMatter.First("api_name") })
            {
                string? name = candidate?.Trim();
                if (!string.IsNullOrEmpty(name) && !name!.StartsWith("__MIDL_", StringComparison.Ordinal))
                {
                    return name;
                }
            }

            return null;
        }

        /// <summary>"AGENT_SESSION_EVENT (tapi3.h)" becomes "AGENT_SESSION_EVENT".</summary>
        private static string? StripHeader(string? title)
        {
            if (title is null)
            {
                return null;
            }

            title = title.Trim();
            int open = title.LastIndexOf(" (", StringComparison.Ordinal);
            return open > 0 && title.EndsWith(")", StringComparison.Ordinal) ? title.Substring(0, open) : title;
        }

        private static bool IsFence(string line, out char fenceChar, out int length)
        {
            fenceChar = '\0';
            length = 0;
            int p = 0;
            while (p < line.Length && p < 3 && line[p] == ' ')
            {
                p++;
            }

            if (p >= line.Length || (line[p] != '`' && line[p] != '~'))
            {
                return false;
            }

            char c = line[p];
            int start = p;
            while (p < line.Length && line[p] == c)
            {
                p++;
            }

            if (p - start < 3)
            {
                return false;
            }

            fenceChar = c;
            length = p - start;
            return true;
        }

        /// <summary>An ATX heading: up to three spaces, 1-6 '#', then white space or the end of the line.</summary>
        private static bool IsHeading(string line, out int level, out string text, out int textColumn)
        {
            level = 0;
            text = string.Empty;
            textColumn = 0;
            int p = 0;
            while (p < line.Length && p < 3 && line[p] == ' ')
            {
                p++;
            }

            int hashes = p;
            while (p < line.Length && line[p] == '#')
            {
                p++;
            }

            level = p - hashes;
            if (level == 0 || level > 6 || (p < line.Length && !char.IsWhiteSpace(line[p])))
            {
                return false;
            }

            while (p < line.Length && char.IsWhiteSpace(line[p]))
            {
                p++;
            }

            textColumn = p;
            text = line.Substring(p).TrimEnd();
            return true;
        }

        private string LineText(int index) => _lines[index];

        private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

        private LocationInfo FileStart() => LocationInfo.FileStart(_file.Path);

        private LocationInfo Span(int lineIndex, int startColumn, int endColumn)
            => LocationInfo.InLine(_file.Path, _lines.Start(lineIndex), lineIndex, startColumn, endColumn);

        private void Report(DiagnosticKind descriptor, LocationInfo? location, params string[] args)
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

        private bool HasErrors()
            => _diagnostics.Any(d => DiagnosticDescriptors.ById(d.DescriptorId).Severity == Severity.Error);

    }
}
