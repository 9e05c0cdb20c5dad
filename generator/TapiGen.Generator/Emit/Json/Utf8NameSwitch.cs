using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TapiGen.Generator.Emit.Json
{
    /// <summary>
    /// Writes C# that matches a ReadOnlySpan&lt;byte&gt; against known UTF-8 names without decoding it: a switch on
    /// the length, then on the byte that best tells the remaining names apart (repeatedly), then one SequenceEqual.
    /// A name costs one length test, a few byte tests and one comparison, whatever the number of names.
    /// Kept free of JSON specifics so the fast helpers can share it.
    /// </summary>
    internal static class Utf8NameSwitch
    {
        /// <summary>One name to match.</summary>
        /// <param name="Name">The name as text (encoded to UTF-8 here).</param>
        /// <param name="BytesExpression">A C# expression for the name's UTF-8 bytes as a ReadOnlySpan&lt;byte&gt;: "\"A\"u8", or a field.</param>
        /// <param name="OnMatch">The statements to run when it matches; they must leave the method (return or throw).</param>
        internal sealed record Case(string Name, string BytesExpression, IReadOnlyList<string> OnMatch);

        /// <summary>
        /// Writes the matching statements. Falls through (to the caller's next statement) when nothing matches.
        /// With <paramref name="asciiIgnoreCaseMethod"/> set, ASCII letters match in either case through that method
        /// (bool M(ReadOnlySpan&lt;byte&gt; text, ReadOnlySpan&lt;byte&gt; lowerOrUpperName)) and through
        /// <paramref name="asciiLowerMethod"/> (byte M(byte)) for the switches; names equal but for case match
        /// the first listed.
        /// </summary>
        public static void Write(SourceWriter w, string span, IReadOnlyList<Case> cases, string? asciiIgnoreCaseMethod = null, string? asciiLowerMethod = null)
        {
            if (cases.Count == 0)
            {
                return;
            }

            var entries = cases.Select(c => new Entry(c, Encoding.UTF8.GetBytes(c.Name))).ToList();
            bool ignoreCase = asciiIgnoreCaseMethod is not null;
            w.WriteLine("switch (" + span + ".Length)");
            using (w.OpenBlock())
            {
                foreach (var group in entries.GroupBy(e => e.Bytes.Length).OrderBy(g => g.Key))
                {
                    w.WriteLine("case " + CSharpLiterals.Int(group.Key) + ":");
                    using (w.OpenBlock())
                    {
                        WriteGroup(w, span, group.ToList(), ignoreCase, asciiIgnoreCaseMethod, asciiLowerMethod);
                        w.WriteLine("break;");
                    }
                }
            }
        }

        private sealed class Entry
        {
            public Entry(Case c, byte[] bytes)
            {
                Case = c;
                Bytes = bytes;
            }

            public Case Case { get; }

            public byte[] Bytes { get; }
        }

        private static void WriteGroup(SourceWriter w, string span, List<Entry> group, bool ignoreCase, string? equalsMethod, string? lowerMethod)
        {
            int index = group.Count == 1 ? -1 : BestIndex(group, ignoreCase);
            if (index < 0)
            {
                // One name left, or (ignoring case) names that differ only in case: compare in the order given.
                foreach (Entry entry in group)
                {
                    WriteCompare(w, span, entry, equalsMethod);
                }

                return;
            }

            string key = span + "[" + CSharpLiterals.Int(index) + "]";
            w.WriteLine("switch (" + (ignoreCase ? lowerMethod + "(" + key + ")" : key) + ")");
            using (w.OpenBlock())
            {
                foreach (var sub in group.GroupBy(e => Fold(e.Bytes[index], ignoreCase)).OrderBy(g => g.Key))
                {
                    w.WriteLine("case " + CSharpLiterals.Byte(sub.Key) + ":");
                    using (w.OpenBlock())
                    {
                        WriteGroup(w, span, sub.ToList(), ignoreCase, equalsMethod, lowerMethod);
                        w.WriteLine("break;");
                    }
                }
            }
        }

        private static void WriteCompare(SourceWriter w, string span, Entry entry, string? equalsMethod)
        {
            string test = equalsMethod is null
                ? "global::System.MemoryExtensions.SequenceEqual(" + span + ", " + entry.Case.BytesExpression + ")"
                : equalsMethod + "(" + span + ", " + entry.Case.BytesExpression + ")";
            w.WriteLine("if (" + test + ")");
            using (w.OpenBlock())
            {
                foreach (string line in entry.Case.OnMatch)
                {
                    w.WriteLine(line);
                }
            }
        }

        /// <summary>The position whose byte splits the group into the most parts; -1 when none splits it.</summary>
        private static int BestIndex(List<Entry> group, bool ignoreCase)
        {
            int best = -1, bestCount = 1;
            for (int i = 0; i < group[0].Bytes.Length; i++)
            {
                int count = group.Select(e => Fold(e.Bytes[i], ignoreCase)).Distinct().Count();
                if (count > bestCount)
                {
                    best = i;
                    bestCount = count;
                }
            }

            return best;
        }

        private static byte Fold(byte b, bool ignoreCase)
            => ignoreCase && b >= (byte)'A' && b <= (byte)'Z' ? (byte)(b | 0x20) : b;
    }
}
