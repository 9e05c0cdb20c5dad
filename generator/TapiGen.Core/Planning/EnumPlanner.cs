using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Threading;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Generator.Planning
{
    /// <summary>
    /// Decides the enum a page becomes: consults the listed headers (<see cref="HeaderCheck"/>), applies the overrides
    /// file's renames, then chooses the underlying type, [Flags] and the names. Pure, and it never throws (an
    /// unexpected failure becomes TG0012 for this manifest only).
    /// </summary>
    internal static class EnumPlanner
    {
        public static ParseResult Plan(PageParse page, HeaderLookup lookup, CancellationToken cancellationToken)
        {
            try
            {
                return Run(page, lookup, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                var info = DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnexpectedFailure,
                    LocationInfo.FileStart(page.Path),
                    page.FileName,
                    e.GetType().Name + ": " + e.Message);
                return new ParseResult(null, ImmutableArray.Create(info).ToEquatableArray());
            }
        }

        private static ParseResult Run(PageParse page, HeaderLookup lookup, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>(page.Diagnostics);
            if (page.HasErrors || page.Name is null)
            {
                // The page's own problems come first; what a header says about a page that cannot be read is noise.
                diagnostics.AddRange(page.Members.Where(m => m.ValueError is not null).Select(m => m.ValueError!));
                diagnostics.AddRange(page.Unverified.Select(u => u.Diagnostic));
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            cancellationToken.ThrowIfCancellationRequested();
            List<HeaderCheck.Reconciled> members = Consult(page, lookup, diagnostics, out HeaderEnum? verifiedBy);
            foreach (PageMember member in page.Members.Where(m => m.ValueError is not null))
            {
                // A value the page gets unreadably wrong is fatal, unless the header's value replaces it.
                if (verifiedBy is null || page.Options.HeaderValues != HeaderValues.Use || !verifiedBy.Members.Any(h => h.Name == member.Name))
                {
                    diagnostics.Add(member.ValueError!);
                }
            }

            ApplyRenames(page, members, diagnostics);
            foreach (HeaderCheck.Reconciled member in members)
            {
                if (!Identifiers.IsValid(member.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMemberName, member.ValueLocation, page.FileName, member.Name));
                }
            }

            UnderlyingType underlying = ChooseUnderlyingType(page, members, diagnostics);
            if (members.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoMembers, page.EnumFieldsLocation ?? LocationInfo.FileStart(page.Path), page.FileName, page.Name));
            }

            if (diagnostics.Any(d => DiagnosticDescriptors.ById(d.DescriptorId).Severity == Severity.Error))
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            bool isFlags = page.Flags switch
            {
                FlagsMode.On => true,
                FlagsMode.Off => false,
                _ => EnumShape.InferFlags(members.Select(m => m.Value).ToList()),
            };
            var model = new EnumModel(
                page.Options.Namespace,
                page.Name,
                page.Name,
                page.Path,
                page.FileName,
                underlying,
                isFlags,
                page.SummaryLines,
                page.RemarksLines,
                members.Select(m => new EnumMemberModel(m.Name, m.Name, m.Name, m.Name, m.Value, m.Style, m.Style == ValueStyle.Reference ? m.Reference : null, m.DocLines, m.PlainDescription)).ToEquatableArray(),
                page.Options);
            model = NamingOptions.Apply(model);

            // JSON names that cannot work as computed; reported only where a converter is generated.
            var converterDiagnostics = JsonNames.For(model).Problems.Select(p => DiagnosticInfo.Create(
                DiagnosticDescriptors.JsonNameConflict,
                members[p.MemberIndex].NameLocation ?? members[p.MemberIndex].ValueLocation,
                page.FileName,
                p.MemberName,
                p.ComputedName,
                page.Options.JsonNaming.ToString(),
                p.Resolution)).ToEquatableArray();
            return new ParseResult(model, diagnostics.ToEquatableArray()) { ConverterDiagnostics = converterDiagnostics };
        }

        /// <summary>
        /// The members after the listed headers had their say, and the diagnostics about it. A warning a header
        /// settles (TG0010, TG0011, TG0019) is reported only when no header was consulted.
        /// </summary>
        private static List<HeaderCheck.Reconciled> Consult(PageParse page, HeaderLookup lookup, List<DiagnosticInfo> diagnostics, out HeaderEnum? verifiedBy)
        {
            verifiedBy = null;
            List<HeaderCheck.Reconciled> pageMembers = page.Members
                .Select(m => new HeaderCheck.Reconciled(m.Name, m.Value, m.Style, m.Reference, m.DocLines, m.PlainDescription, m.ValueLocation) { NameLocation = m.NameLocation })
                .ToList();
            if (lookup.HeaderCount == 0 || page.Options.HeaderValues == HeaderValues.Off)
            {
                diagnostics.AddRange(page.Unverified.Select(u => u.Diagnostic));
                return pageMembers;
            }

            if (lookup.Enum is null)
            {
                diagnostics.AddRange(page.Unverified.Select(u => u.Diagnostic));

                // A listed header that was not read at all may be the one: blame it, unless the page names another.
                // (Unread is only filled when nothing read declares the enum, so there are no Problems beside it.)
                List<HeaderProblem> unread = lookup.Unread
                    .Where(u => page.HeaderFileName is null || string.Equals(page.HeaderFileName, FileNames.Of(u.Path), StringComparison.OrdinalIgnoreCase))
                    .ToList();
                foreach (HeaderProblem header in unread)
                {
                    string name = page.PageName ?? page.Name!;
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.HeaderNotEvaluated,
                        LocationInfo.FileStart(header.Path),
                        FileNames.Of(header.Path),
                        "1",
                        "it was not read (" + header.Message + ") and may declare '" + name + "'; list a smaller header that declares it",
                        name,
                        page.FileName));
                }

                if (lookup.Problems.Count == 0 && unread.Count == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.EnumNotInHeaders,
                        page.Members.Count > 0 ? page.Members[0].NameLocation : LocationInfo.FileStart(page.Path),
                        page.FileName,
                        page.PageName ?? page.Name!,
                        lookup.HeaderCount.ToString(CultureInfo.InvariantCulture),
                        page.HeaderFileName is null ? "the header that declares it" : "'" + page.HeaderFileName + "', the header the page names"));
                }

                foreach (HeaderProblem problem in lookup.Problems)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.HeaderNotEvaluated,
                        LocationInfo.AtLine(problem.Path, problem.Line, problem.Column, problem.Column),
                        FileNames.Of(problem.Path),
                        (problem.Line + 1).ToString(CultureInfo.InvariantCulture),
                        problem.Message,
                        page.PageName ?? page.Name!,
                        page.FileName));
                }

                return pageMembers;
            }

            verifiedBy = lookup.Enum;
            return HeaderCheck.Apply(page, lookup.Enum, page.Options.HeaderValues, diagnostics);
        }

        /// <summary>'rename MEMBER = NEW' lines, last: values and references used the page's names.</summary>
        private static void ApplyRenames(PageParse page, List<HeaderCheck.Reconciled> members, List<DiagnosticInfo> diagnostics)
        {
            if (page.Renames.Count == 0)
            {
                return;
            }

            var renamed = page.Renames.Where(r => members.Any(m => m.Name == r.Member)).ToDictionary(r => r.Member, StringComparer.Ordinal);
            string NameOf(string name) => renamed.TryGetValue(name, out PageRename? r) ? r.NewName : name;

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (HeaderCheck.Reconciled member in members)
            {
                string final = NameOf(member.Name);
                if (!seen.Add(final) && renamed.Values.FirstOrDefault(r => r.NewName == final) is { } clash)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidOverride,
                        clash.Location,
                        page.OverridesFileName,
                        page.FileName,
                        "renaming '" + clash.Member + "' to '" + final + "' gives two members that name"));
                }
            }

            for (int i = 0; i < members.Count; i++)
            {
                HeaderCheck.Reconciled m = members[i];
                members[i] = m with { Name = NameOf(m.Name), Reference = m.Reference is null ? null : NameOf(m.Reference) };
            }
        }

        private static UnderlyingType ChooseUnderlyingType(PageParse page, List<HeaderCheck.Reconciled> members, List<DiagnosticInfo> diagnostics)
        {
            if (members.Count == 0)
            {
                return UnderlyingType.Int32;
            }

            BigInteger min = members.Min(m => m.Value), max = members.Max(m => m.Value);
            UnderlyingType? type = EnumShape.ChooseUnderlyingType(min, max);
            if (type.HasValue)
            {
                return type.Value;
            }

            // Point at the member no type can hold: the widest one, or the largest next to a negative.
            BigInteger offending = max > ulong.MaxValue || min >= 0 ? max : (min < long.MinValue ? min : max);
            HeaderCheck.Reconciled member = members.First(m => m.Value == offending);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, member.ValueLocation, page.FileName, member.Name, offending.ToString(CultureInfo.InvariantCulture)));
            return UnderlyingType.Int64;
        }
    }
}
