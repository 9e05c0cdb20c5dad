using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing.C;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// The members' values as the page gives them: from the heading, the overrides file or (opt-in) the description;
    /// Direct3D version aliases; otherwise counted as C does. Then the overrides file's added members. Renames and
    /// everything a header may change are left to <see cref="EnumPlanner"/>.
    /// </summary>
    internal sealed partial class PageReader
    {
        private List<PageMember> EvaluateMembers(string? enumName)
        {
            var result = new List<PageMember>(_members.Count + _overrides.Adds.Count);
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
                anyExplicit |= value.Origin != ValueOrigin.Counted && value.Origin != ValueOrigin.VersionAlias;
                previous = value.Value;
                if (!nameOk)
                {
                    continue;
                }

                firstLine[draft.Name] = draft.LineIndex;
                earlier[draft.Name] = value.Value;
                result.Add(Member(draft.Name, value, BodyWithoutAddedSubHeadings(draft, addedNames, subHeadingDocs), draft.NameLocation));
            }

            foreach (MemberOverride add in _overrides.Adds)
            {
                add.Used = true;
                if (earlier.ContainsKey(add.Member))
                {
                    ReportOverride(add.MemberLocation, "'add " + add.Member + "': the manifest already has this member; use 'value " + add.Member + " = ...' to change its value");
                    continue;
                }

                MemberValue value = add.Argument is null ? Counted(previous, add.MemberLocation) : OverrideValue(add, earlier, previous);
                anyExplicit |= value.Origin != ValueOrigin.Counted;
                previous = value.Value;
                earlier[add.Member] = value.Value;
                result.Add(Member(add.Member, value, subHeadingDocs.TryGetValue(add.Member, out List<string>? doc) ? doc : new List<string>(), add.MemberLocation));
            }

            CollectSubHeadings(earlier);
            CollectRenames(earlier);
            foreach (MemberOverride unused in _overrides.All.Where(o => !o.Used))
            {
                string what = unused.Kind == OverrideKind.Text ? "a '#### - " + unused.Member + "' sub-heading" : "a member";
                Report(DiagnosticDescriptors.OverrideUnknownMember, unused.MemberLocation, _overrides.FileName, unused.Member, _fileName, what);
            }

            // One member is 0 whichever way it is read; from two on, counting is a guess worth checking.
            if (!anyExplicit && result.Count > 1)
            {
                Unverified(
                    DiagnosticDescriptors.NoExplicitValues,
                    _members.Count > 0 ? _members[0].NameLocation : FileStart(),
                    null,
                    _fileName,
                    enumName ?? _fileName,
                    _fileName + ".tapigen");
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
                return Unreadable(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyMemberValue, draft.ValueLocation, _fileName, draft.Name), previous, draft.ValueLocation, "empty");
            }

            if (draft.IsTrailingText)
            {
                return Unreadable(DiagnosticInfo.Create(DiagnosticDescriptors.TextAfterMemberName, draft.ValueLocation, _fileName, draft.Name, draft.ValueText), previous, draft.ValueLocation, "'" + draft.ValueText + "', text after the name");
            }

            CResult result = PageValue.Evaluate(draft.ValueText, earlier, out string? reference);
            if (result.Ok)
            {
                ValueStyle style = reference is not null ? ValueStyle.Reference : result.SawHex ? ValueStyle.Hex : ValueStyle.Decimal;
                return new MemberValue(result.Value.Value, style, reference, ValueOrigin.Heading, draft.ValueLocation);
            }

            DiagnosticInfo error = result.UnknownName is not null
                ? DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMemberReference, draft.ValueLocation, _fileName, draft.Name, result.UnknownName)
                : DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMemberValue, draft.ValueLocation, _fileName, draft.Name, draft.ValueText, result.Error!);
            return Unreadable(error, previous, draft.ValueLocation, "'" + draft.ValueText + "', which cannot be read");
        }

        /// <summary>
        /// A heading value that cannot be read: an error, unless a header gives the member's value (then only a
        /// warning: the header's value is used). Counting goes on from the previous value meanwhile.
        /// </summary>
        private static MemberValue Unreadable(DiagnosticInfo error, BigInteger? previous, LocationInfo? location, string shown)
            => Counted(previous, location) with { Origin = ValueOrigin.Heading, Error = error, Shown = shown };

        /// <summary>No value in the heading: the description's (when asked for), a Direct3D alias, or the count.</summary>
        private MemberValue UnstatedValue(MemberDraft draft, Dictionary<string, BigInteger> earlier, BigInteger? previous)
        {
            StatedValue inProse = default;
            bool stated = draft.FirstBodyLine >= 0 && StatedValue.TryRead(LineText(draft.FirstBodyLine), out inProse);
            if (stated && inProse.IsCertain && _file.Options.ValuesFromDescriptions)
            {
                return new MemberValue(inProse.Value, inProse.IsHex ? ValueStyle.Hex : ValueStyle.Decimal, null, ValueOrigin.Description, Span(draft.FirstBodyLine, inProse.Start, inProse.End));
            }

            string? alias = VersionAlias.Find(draft.Name, earlier);
            if (alias is not null)
            {
                Report(DiagnosticDescriptors.VersionAlias, draft.NameLocation, _fileName, draft.Name, alias);
                return new MemberValue(earlier[alias], ValueStyle.Reference, alias, ValueOrigin.VersionAlias, draft.NameLocation);
            }

            MemberValue counted = Counted(previous, draft.NameLocation);
            if (stated)
            {
                // Counting on would then be silently wrong, so say so at the number (unless a header settles it).
                string suggestion = inProse.HasCast && inProse.IsCertain && inProse.Value.Sign < 0
                    ? inProse.Value.ToString(CultureInfo.InvariantCulture)
                    : inProse.NumberText;
                Unverified(
                    DiagnosticDescriptors.ValueOnlyInDescription,
                    Span(draft.FirstBodyLine, inProse.Start, inProse.End),
                    draft.Name,
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
            CResult result = PageValue.Evaluate(entry.Argument!, earlier, out string? reference);
            if (result.Ok)
            {
                ValueStyle style = reference is not null ? ValueStyle.Reference : result.SawHex && result.Value.Value.Sign >= 0 ? ValueStyle.Hex : ValueStyle.Decimal;
                return new MemberValue(result.Value.Value, style, reference, ValueOrigin.Overrides, entry.ArgumentLocation);
            }

            if (result.UnknownName is not null)
            {
                ReportOverride(entry.ArgumentLocation, "the value of '" + entry.Member + "' refers to '" + result.UnknownName + "', which is not a member declared before it");
            }
            else
            {
                ReportOverride(entry.ArgumentLocation, "the value of '" + entry.Member + "' cannot be read (" + result.Error + "); write " + CExpression.AcceptedForms);
            }

            return Counted(previous, entry.ArgumentLocation) with { Origin = ValueOrigin.Overrides };
        }

        private static MemberValue Counted(BigInteger? previous, LocationInfo? location)
            => new MemberValue(previous.HasValue ? previous.Value + 1 : BigInteger.Zero, ValueStyle.Decimal, null, ValueOrigin.Counted, location);

        /// <summary>
        /// '#### - NAME' sub-headings that look like members, are no member and are not claimed by the overrides file
        /// ('add NAME' makes one a member, 'text NAME' says it is text): TG0011 each, unless a header settles it.
        /// </summary>
        private void CollectSubHeadings(Dictionary<string, BigInteger> members)
        {
            foreach (MemberDraft draft in _members)
            {
                for (int k = 0; k < draft.SubHeadings.Count; k++)
                {
                    SubHeadingDraft sub = draft.SubHeadings[k];
                    if (!MemberHeading.LooksLikeMemberName(sub.Name) || members.ContainsKey(sub.Name) || _overrides.AddedNames.Contains(sub.Name))
                    {
                        continue;
                    }

                    if (_overrides.TextNames.TryGetValue(sub.Name, out MemberOverride? acknowledged))
                    {
                        acknowledged.Used = true;
                        continue;
                    }

                    int end = k + 1 < draft.SubHeadings.Count ? draft.SubHeadings[k + 1].BodyIndex : draft.Body.Count;
                    int start = Math.Min(sub.BodyIndex + 3, end);
                    ConvertedDoc doc = DocConverter.Convert(string.Join("\n", draft.Body.GetRange(start, end - start)));
                    _subHeadings.Add(new PageSubHeading(sub.Name, draft.Name, doc.XmlLines.ToEquatableArray(), doc.PlainText, sub.Location));
                    Unverified(DiagnosticDescriptors.SubHeadingLooksLikeMember, sub.Location, sub.Name, _fileName, sub.Name, draft.Name);
                }
            }

            // A 'text NAME' line for a sub-heading that is a member after all, or an added one, still names one.
            foreach (MemberOverride text in _overrides.TextNames.Values)
            {
                text.Used |= _members.Any(d => d.SubHeadings.Any(s => s.Name == text.Member));
            }
        }

        /// <summary>'rename MEMBER = NEW' lines, applied by the planner once the members are final.</summary>
        private void CollectRenames(Dictionary<string, BigInteger> members)
        {
            foreach (MemberOverride rename in _overrides.Renames.Values.OrderBy(r => r.MemberLocation.Start))
            {
                if (members.ContainsKey(rename.Member))
                {
                    rename.Used = true;
                    _renames.Add(new PageRename(rename.Member, rename.Argument!, rename.ArgumentLocation));
                }
            }
        }

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

        private static PageMember Member(string name, MemberValue value, List<string> bodyLines, LocationInfo? nameLocation)
        {
            ConvertedDoc doc = DocConverter.Convert(string.Join("\n", bodyLines));
            return new PageMember(
                name,
                value.Value,
                value.Style,
                value.Style == ValueStyle.Reference ? value.Reference : null,
                value.Origin,
                doc.XmlLines.ToEquatableArray(),
                doc.PlainText,
                nameLocation,
                value.Location ?? nameLocation)
            {
                ValueError = value.Error,
                ValueShown = value.Shown,
            };
        }

        private void ReportOverride(LocationInfo location, string message)
            => _diagnostics.Add(_overrides.Problem(location, _fileName, message));

        private void Unverified(DiagnosticKind descriptor, LocationInfo? location, string? subject, params string[] args)
            => _unverified.Add(new UnverifiedWarning(DiagnosticInfo.Create(descriptor, location, args), subject));

        /// <summary>A member's value and how and where it was given.</summary>
        private readonly record struct MemberValue(BigInteger Value, ValueStyle Style, string? Reference, ValueOrigin Origin, LocationInfo? Location)
        {
            /// <summary>Why the page's value cannot be used, when it cannot.</summary>
            public DiagnosticInfo? Error { get; init; }

            /// <summary>For <see cref="Error"/>: the value as a message shows it ("empty", "'5', text after the name").</summary>
            public string? Shown { get; init; }
        }

        /// <summary>A '#### - NAME' sub-heading: its text, where its lines start in the body, and where it is.</summary>
        private readonly record struct SubHeadingDraft(string Name, int BodyIndex, LocationInfo Location);

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

            /// <summary>The '#### - NAME' sub-headings in <see cref="Body"/>.</summary>
            public List<SubHeadingDraft> SubHeadings { get; } = new List<SubHeadingDraft>();
        }
    }
}
