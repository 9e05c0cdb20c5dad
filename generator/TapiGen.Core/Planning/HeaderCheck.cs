using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Planning
{
    /// <summary>
    /// Puts a page's members next to its header's. With HeaderValues=Use the header decides: its members, in its
    /// order, with its values, the page's documentation attached by name; with Check the page's values stay. Either
    /// way every difference is reported at the member it concerns, naming both values and the header line.
    /// </summary>
    internal static class HeaderCheck
    {
        /// <summary>A member once page and header are reconciled.</summary>
        internal sealed record Reconciled(
            string Name,
            BigInteger Value,
            ValueStyle Style,
            string? Reference,
            EquatableArray<string> DocLines,
            string PlainDescription,
            LocationInfo? ValueLocation)
        {
            /// <summary>Where the member's name is written (its heading), for diagnostics about the member itself.</summary>
            public LocationInfo? NameLocation { get; init; }
        }

        public static List<Reconciled> Apply(PageParse page, HeaderEnum header, HeaderValues mode, List<DiagnosticInfo> diagnostics)
        {
            var headerByName = header.Members.ToDictionary(m => m.Name, StringComparer.Ordinal);
            var pageByName = page.Members.ToDictionary(m => m.Name, StringComparer.Ordinal);
            var subHeadings = page.SubHeadings.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            string where = header.HeaderFileName;
            string resolution = mode == HeaderValues.Use
                ? "TapiGen uses the header's value"
                : "the page's value is kept (HeaderValues=Check); to correct it, add 'value {0} = {1}' to the overrides file, or set HeaderValues to Use";

            foreach (PageMember member in page.Members)
            {
                if (!headerByName.TryGetValue(member.Name, out HeaderMember? declared))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.MemberOnlyOnPage,
                        member.NameLocation,
                        page.FileName,
                        member.Name,
                        Show(member.Value),
                        where,
                        header.Name));
                    continue;
                }

                if (member.ValueError is not null && mode == HeaderValues.Use)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.HeaderValueDiffers,
                        member.ValueLocation ?? member.NameLocation,
                        page.FileName,
                        member.Name,
                        member.ValueShown ?? "unreadable",
                        Show(declared.Value),
                        where,
                        Line(declared.Line),
                        "TapiGen uses the header's value; correct the heading, or give the value in the overrides file (value " + member.Name + " = " + Literal(declared.Value) + ")"));
                }
                else if (member.Value != declared.Value && member.ValueError is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.HeaderValueDiffers,
                        member.ValueLocation ?? member.NameLocation,
                        page.FileName,
                        member.Name,
                        Show(member.Value),
                        Show(declared.Value),
                        where,
                        Line(declared.Line),
                        string.Format(CultureInfo.InvariantCulture, resolution, member.Name, Literal(declared.Value))));
                }
            }

            foreach (HeaderMember declared in header.Members)
            {
                if (pageByName.ContainsKey(declared.Name))
                {
                    continue;
                }

                bool documented = subHeadings.ContainsKey(declared.Name);
                LocationInfo? at = documented ? subHeadings[declared.Name].Location : FirstMemberOrStart(page);
                diagnostics.Add(mode == HeaderValues.Use
                    ? DiagnosticInfo.Create(
                        DiagnosticDescriptors.MemberOnlyInHeader,
                        at,
                        page.FileName,
                        declared.Name,
                        where,
                        Line(declared.Line),
                        documented ? ", with the text of its '#### - " + declared.Name + "' sub-heading as documentation" : string.Empty)
                    : DiagnosticInfo.Create(
                        DiagnosticDescriptors.PageLacksHeaderMember,
                        at,
                        page.FileName,
                        declared.Name,
                        where,
                        Line(declared.Line),
                        Literal(declared.Value)));
            }

            return mode == HeaderValues.Use ? HeaderOrder(page, header, pageByName, subHeadings) : PageOrder(page);
        }

        /// <summary>The page's members as they are (HeaderValues=Check).</summary>
        private static List<Reconciled> PageOrder(PageParse page)
            => page.Members.Select(m => new Reconciled(m.Name, m.Value, m.Style, m.Reference, m.DocLines, m.PlainDescription, m.ValueLocation) { NameLocation = m.NameLocation }).ToList();

        /// <summary>
        /// The header's members in its order with its values; a member only on the page goes after the page member
        /// it follows there (it keeps the page's value).
        /// </summary>
        private static List<Reconciled> HeaderOrder(PageParse page, HeaderEnum header, Dictionary<string, PageMember> pageByName, Dictionary<string, PageSubHeading> subHeadings)
        {
            var result = new List<Reconciled>();
            foreach (HeaderMember declared in header.Members)
            {
                if (pageByName.TryGetValue(declared.Name, out PageMember? documented))
                {
                    result.Add(new Reconciled(declared.Name, declared.Value, declared.Style, declared.Reference, documented.DocLines, documented.PlainDescription, documented.ValueLocation) { NameLocation = documented.NameLocation });
                }
                else if (subHeadings.TryGetValue(declared.Name, out PageSubHeading? sub))
                {
                    result.Add(new Reconciled(declared.Name, declared.Value, declared.Style, declared.Reference, sub.DocLines, sub.PlainDescription, sub.Location));
                }
                else
                {
                    string note = "<c>" + declared.Name + "</c> is declared in <c>" + Xml(header.HeaderFileName) + "</c>; the documentation page does not describe it.";
                    result.Add(new Reconciled(declared.Name, declared.Value, declared.Style, declared.Reference, new[] { note }.ToEquatableArray(), string.Empty, HeaderLocation(header, declared)));
                }
            }

            var inHeader = new HashSet<string>(header.Members.Select(m => m.Name), StringComparer.Ordinal);
            for (int i = 0; i < page.Members.Count; i++)
            {
                PageMember member = page.Members[i];
                if (inHeader.Contains(member.Name))
                {
                    continue;
                }

                int after = -1;
                for (int j = i - 1; j >= 0 && after < 0; j--)
                {
                    after = result.FindIndex(r => r.Name == page.Members[j].Name);
                }

                // A page-only member that names another one as its value keeps the reference only if it is earlier.
                string? reference = member.Reference is not null && result.Take(after + 1).Any(r => r.Name == member.Reference) ? member.Reference : null;
                ValueStyle style = member.Style == ValueStyle.Reference && reference is null ? ValueStyle.Decimal : member.Style;
                result.Insert(after + 1, new Reconciled(member.Name, member.Value, style, reference, member.DocLines, member.PlainDescription, member.ValueLocation) { NameLocation = member.NameLocation });
            }

            return result;
        }

        private static LocationInfo? FirstMemberOrStart(PageParse page)
            => page.Members.Count > 0 ? page.Members[0].NameLocation : LocationInfo.FileStart(page.Path);

        internal static LocationInfo HeaderLocation(HeaderEnum header, HeaderMember member)
            => LocationInfo.AtLine(header.HeaderPath, member.Line, member.Column, member.Column + member.Name.Length);

        private static string Line(int zeroBased) => (zeroBased + 1).ToString(CultureInfo.InvariantCulture);

        /// <summary>A value as a message shows it: decimal, with hexadecimal beside values from 10 on.</summary>
        internal static string Show(BigInteger value)
            => value >= 10 ? value.ToString(CultureInfo.InvariantCulture) + " (0x" + value.ToString("X", CultureInfo.InvariantCulture).TrimStart('0') + ")" : value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A value as an overrides line would write it.</summary>
        private static string Literal(BigInteger value)
            => value >= 10 ? "0x" + value.ToString("X", CultureInfo.InvariantCulture).TrimStart('0') : value.ToString(CultureInfo.InvariantCulture);

        private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
