using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// The members' values: from the heading, the overrides file or (opt-in) the description; Direct3D version aliases;
    /// otherwise counted as C does. Then the overrides file's added and renamed members.
    /// </summary>
    internal sealed partial class ManifestReader
    {
        private List<EnumMemberModel> EvaluateMembers(string? enumName)
        {
            var result = new List<EnumMemberModel>(_members.Count + _overrides.Adds.Count);
            var earlier = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            HashSet<string> addedNames = _overrides.AddedNames;
            var subHeadingDocs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            BigInteger? previous = null;
            bool anyExplicit = false;

            foreach (MemberDraft draft in _members)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                bool nameOk = CheckName(draft, firstLine);
                MemberValue value = ValueOf(draft, earlier, previous);
                anyExplicit |= value.IsExplicit;
                previous = value.Value;
                if (!nameOk)
                {
                    continue;
                }

                firstLine[draft.Name] = draft.LineIndex;
                earlier[draft.Name] = value.Value;
                result.Add(Member(draft.Name, value, BodyWithoutAddedSubHeadings(draft, addedNames, subHeadingDocs)));
                _valueLocations.Add(_overrides.Values.TryGetValue(draft.Name, out MemberOverride? given) ? given.ArgumentLocation : draft.ValueLocation ?? draft.NameLocation);
            }

            foreach (MemberOverride add in _overrides.Adds)
            {
                add.Used = true;
                if (earlier.ContainsKey(add.Member))
                {
                    ReportOverride(add.MemberLocation, "'add " + add.Member + "': the manifest already has this member; use 'value " + add.Member + " = ...' to change its value");
                    continue;
                }

                MemberValue value = add.Argument is null ? Counted(previous) : OverrideValue(add, earlier, previous);
                anyExplicit |= value.IsExplicit;
                previous = value.Value;
                earlier[add.Member] = value.Value;
                result.Add(Member(add.Member, value, subHeadingDocs.TryGetValue(add.Member, out List<string>? doc) ? doc : new List<string>()));
                _valueLocations.Add(add.Argument is null ? add.MemberLocation : add.ArgumentLocation);
            }

            ApplyRenames(result);
            foreach (MemberOverride unused in _overrides.All.Where(o => !o.Used))
            {
                Report(DiagnosticDescriptors.OverrideUnknownMember, unused.MemberLocation, _overrides.FileName, unused.Member, _fileName);
            }

            // One member is 0 whichever way it is read; from two on, counting is a guess worth checking.
            if (!anyExplicit && result.Count > 1)
            {
                Report(DiagnosticDescriptors.NoExplicitValues, _members.Count > 0 ? _members[0].NameLocation : FileStart(), _fileName, enumName ?? _fileName, _fileName + ".tapigen");
            }

            return result;
        }

        private bool CheckName(MemberDraft draft, Dictionary<string, int> firstLine)
        {
            if (draft.Name.Length == 0)
            {
                Report(DiagnosticDescriptors.EmptyMemberName, Span(draft.LineIndex, 0, LineText(draft.LineIndex).Length), _fileName);
                return false;
            }

            if (!Identifiers.IsValid(draft.Name))
            {
                Report(DiagnosticDescriptors.InvalidMemberName, draft.NameLocation, _fileName, draft.Name);
                return false;
            }

            if (firstLine.TryGetValue(draft.Name, out int first))
            {
                Report(DiagnosticDescriptors.DuplicateMemberName, draft.NameLocation, _fileName, draft.Name, (first + 1).ToString(CultureInfo.InvariantCulture));
                return false;
            }

            return true;
        }

        private MemberValue ValueOf(MemberDraft draft, Dictionary<string, BigInteger> earlier, BigInteger? previous)
        {
            if (_overrides.Values.TryGetValue(draft.Name, out MemberOverride? replaced))
            {
                replaced.Used = true;
                return OverrideValue(replaced, earlier, previous);
            }

            if (draft.ValueText is null)
            {
                return UnstatedValue(draft, earlier, previous);
            }

            if (draft.HasColon && draft.ValueText.Trim('=', ' ', '\t').Length == 0)
            {
                Report(DiagnosticDescriptors.EmptyMemberValue, draft.ValueLocation, _fileName, draft.Name);
                return Counted(previous);
            }

            if (draft.IsTrailingText)
            {
                Report(DiagnosticDescriptors.InvalidMemberValue, draft.ValueLocation, _fileName, draft.Name, draft.ValueText);
                return Counted(previous);
            }

            switch (ValueExpression.Evaluate(draft.ValueText, earlier, out BigInteger value, out string? unknown, out bool isHex, out string? reference))
            {
                case ValueExpression.Outcome.Ok:
                    return new MemberValue(value, reference is not null ? ValueStyle.Reference : isHex ? ValueStyle.Hex : ValueStyle.Decimal, reference, IsExplicit: true);
                case ValueExpression.Outcome.UnknownReference:
                    Report(DiagnosticDescriptors.UnknownMemberReference, draft.ValueLocation, _fileName, draft.Name, unknown ?? string.Empty);
                    return new MemberValue(value, ValueStyle.Decimal, null, IsExplicit: true);
                default:
                    Report(DiagnosticDescriptors.InvalidMemberValue, draft.ValueLocation, _fileName, draft.Name, draft.ValueText);
                    return new MemberValue(value, ValueStyle.Decimal, null, IsExplicit: true);
            }
        }

        /// <summary>No value in the heading: the description's (when asked for), a Direct3D alias, or the count.</summary>
        private MemberValue UnstatedValue(MemberDraft draft, Dictionary<string, BigInteger> earlier, BigInteger? previous)
        {
            StatedValue inProse = default;
            bool stated = draft.FirstBodyLine >= 0 && StatedValue.TryRead(LineText(draft.FirstBodyLine), out inProse);
            if (stated && inProse.IsCertain && _file.Options.ValuesFromDescriptions)
            {
                return new MemberValue(inProse.Value, inProse.IsHex ? ValueStyle.Hex : ValueStyle.Decimal, null, IsExplicit: true);
            }

            string? alias = VersionAlias.Find(draft.Name, earlier);
            if (alias is not null)
            {
                Report(DiagnosticDescriptors.VersionAlias, draft.NameLocation, _fileName, draft.Name, alias);
                return new MemberValue(earlier[alias], ValueStyle.Reference, alias, IsExplicit: false);
            }

            MemberValue counted = Counted(previous);
            if (stated)
            {
                // Counting on would then be silently wrong, so say so at the number.
                string suggestion = inProse.HasCast && inProse.IsCertain && inProse.Value.Sign < 0
                    ? inProse.Value.ToString(CultureInfo.InvariantCulture)
                    : inProse.NumberText;
                Report(
                    DiagnosticDescriptors.ValueOnlyInDescription,
                    Span(draft.FirstBodyLine, inProse.Start, inProse.End),
                    _fileName,
                    draft.Name,
                    counted.Value.ToString(CultureInfo.InvariantCulture),
                    LineText(draft.FirstBodyLine).Substring(inProse.Start, inProse.End - inProse.Start),
                    suggestion);
            }

            return counted;
        }

        private MemberValue OverrideValue(MemberOverride entry, Dictionary<string, BigInteger> earlier, BigInteger? previous)
        {
            switch (ValueExpression.Evaluate(entry.Argument!, earlier, out BigInteger value, out string? unknown, out bool isHex, out string? reference))
            {
                case ValueExpression.Outcome.Ok:
                    return new MemberValue(value, reference is not null ? ValueStyle.Reference : isHex && value.Sign >= 0 ? ValueStyle.Hex : ValueStyle.Decimal, reference, IsExplicit: true);
                case ValueExpression.Outcome.UnknownReference:
                    ReportOverride(entry.ArgumentLocation, "the value of '" + entry.Member + "' refers to '" + unknown + "', which is not a member declared before it");
                    break;
                default:
                    ReportOverride(entry.ArgumentLocation, "the value of '" + entry.Member + "' cannot be read; use a decimal or 0x hexadecimal number (a C cast such as (int) is allowed), an earlier member's name, or a '|' combination of those");
                    break;
            }

            return Counted(previous) with { IsExplicit = true };
        }

        private static MemberValue Counted(BigInteger? previous)
            => new MemberValue(previous.HasValue ? previous.Value + 1 : BigInteger.Zero, ValueStyle.Decimal, null, IsExplicit: false);

        /// <summary>
        /// The member's text, less the '#### - NAME' sub-headings the overrides file turns into members of their own:
        /// their text goes to <paramref name="subHeadingDocs"/>, to document those members.
        /// </summary>
        private static List<string> BodyWithoutAddedSubHeadings(MemberDraft draft, HashSet<string> addedNames, Dictionary<string, List<string>> subHeadingDocs)
        {
            if (!draft.SubHeadings.Any(s => addedNames.Contains(s.Name)))
            {
                return draft.Body;
            }

            var kept = new List<string>(draft.Body.Count);
            int segmentStart = 0;
            for (int k = 0; k <= draft.SubHeadings.Count; k++)
            {
                int segmentEnd = k < draft.SubHeadings.Count ? draft.SubHeadings[k].BodyIndex : draft.Body.Count;
                string? owner = k == 0 ? null : draft.SubHeadings[k - 1].Name;
                if (owner is not null && addedNames.Contains(owner) && !subHeadingDocs.ContainsKey(owner))
                {
                    // Skip the blank line, the bold name and the blank line the reader put in for the heading.
                    int textStart = Math.Min(segmentStart + 3, segmentEnd);
                    subHeadingDocs.Add(owner, draft.Body.GetRange(textStart, segmentEnd - textStart));
                }
                else
                {
                    kept.AddRange(draft.Body.GetRange(segmentStart, segmentEnd - segmentStart));
                }

                segmentStart = segmentEnd;
            }

            return kept;
        }

        /// <summary>'rename MEMBER = NEW' lines: applied last, so values and references use the manifest's names.</summary>
        private void ApplyRenames(List<EnumMemberModel> members)
        {
            if (_overrides.Renames.Count == 0)
            {
                return;
            }

            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            var renameTo = new Dictionary<string, MemberOverride>(StringComparer.Ordinal);
            foreach (EnumMemberModel member in members)
            {
                if (_overrides.Renames.TryGetValue(member.Name, out MemberOverride? rename))
                {
                    rename.Used = true;
                    renamed[member.Name] = rename.Argument!;
                    if (!renameTo.ContainsKey(rename.Argument!))
                    {
                        renameTo.Add(rename.Argument!, rename);
                    }
                }
            }

            var finalNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in members.Select(m => renamed.TryGetValue(m.Name, out string? n) ? n : m.Name))
            {
                if (!finalNames.Add(name) && renameTo.TryGetValue(name, out MemberOverride? clash))
                {
                    ReportOverride(clash.ArgumentLocation, "renaming '" + clash.Member + "' to '" + name + "' gives two members that name");
                }
            }

            string NameOf(string name) => renamed.TryGetValue(name, out string? n) ? n : name;
            for (int i = 0; i < members.Count; i++)
            {
                EnumMemberModel m = members[i];
                string name = NameOf(m.Name);
                members[i] = m with
                {
                    Name = name,
                    Identifier = name,
                    TextName = name,
                    JsonName = name,
                    ReferencedIdentifier = m.ReferencedIdentifier is null ? null : NameOf(m.ReferencedIdentifier),
                };
            }
        }

        private static EnumMemberModel Member(string name, MemberValue value, List<string> bodyLines)
        {
            string body = string.Join("\n", bodyLines);
            return new EnumMemberModel(
                name,
                name,
                name,
                name,
                value.Value,
                value.Style,
                value.Style == ValueStyle.Reference ? value.Reference : null,
                DocConverter.ToXmlDocLines(body).ToEquatableArray(),
                DocConverter.ToPlainText(body));
        }

        private void ReportOverride(LocationInfo location, string message)
            => _diagnostics.Add(_overrides.Problem(location, _fileName, message));

        /// <summary>A member's value and how it was given.</summary>
        /// <param name="IsExplicit">Written somewhere (heading, overrides file, description) rather than counted or inferred.</param>
        private readonly record struct MemberValue(BigInteger Value, ValueStyle Style, string? Reference, bool IsExplicit);

        /// <summary>A '### -field' heading and the text under it, before values are known to be right.</summary>
        private sealed class MemberDraft
        {
            public MemberDraft(int lineIndex) => LineIndex = lineIndex;

            public int LineIndex { get; }

            public string Name { get; set; } = string.Empty;

            public LocationInfo? NameLocation { get; set; }

            /// <summary>The value text, or null when the heading gives none.</summary>
            public string? ValueText { get; set; }

            public bool HasColon { get; set; }

            /// <summary>Text after the name that is neither ':VALUE' nor '(VALUE)'.</summary>
            public bool IsTrailingText { get; set; }

            public LocationInfo? ValueLocation { get; set; }

            public int FirstBodyLine { get; set; } = -1;

            public List<string> Body { get; } = new List<string>();

            /// <summary>The '#### - NAME' sub-headings in <see cref="Body"/>, with the index of the lines that stand for each.</summary>
            public List<(string Name, int BodyIndex)> SubHeadings { get; } = new List<(string Name, int BodyIndex)>();
        }
    }
}
