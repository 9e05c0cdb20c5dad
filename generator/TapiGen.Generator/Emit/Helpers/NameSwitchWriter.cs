using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit.Helpers
{
    /// <summary>A name to recognise and the C# expression to produce for it.</summary>
    /// <param name="Name">The exact text (any string; it is written as an escaped literal).</param>
    /// <param name="ValueExpression">A C# expression of the matcher's value type, e.g. "0x1u" or "global::Ns.E.A".</param>
    internal sealed record NameSwitchEntry(string Name, string ValueExpression);

    /// <summary>
    /// Writes private static methods that map a name to a value without allocating: for strings (ordinal, by a
    /// switch on constant strings the compiler turns into a hash or length/character jump), ranges of strings,
    /// ReadOnlySpan&lt;char&gt; (a switch on the span from C# 11, else by length then comparison) and UTF-8
    /// ReadOnlySpan&lt;byte&gt; ("..."u8 literals from C# 11, else one static byte array made once).
    /// </summary>
    /// <remarks>
    /// <para>Entries are matched in the order given: when two names are equal ignoring case, the first wins.
    /// Names that are equal ordinally are kept once (the first).</para>
    /// <para>Case-insensitive matching is OrdinalIgnoreCase (culture-independent: "i" and "I" match under tr-TR as
    /// anywhere). For UTF-8 it compares ASCII letters only and skips entries that are not ASCII: a caller that has
    /// such entries, or input that is not ASCII, decodes to UTF-16 and uses the char matcher instead (see
    /// <see cref="HasNonAsciiNames"/>).</para>
    /// <para>Every generated method has the shape <c>bool Name(input..., out TValue value)</c>; value is default
    /// when it returns false. Call <see cref="WriteSupport"/> once in the same class for the helpers they use.</para>
    /// </remarks>
    internal sealed class NameSwitchWriter
    {
        private const string Span = "global::System.ReadOnlySpan";
        private const string Memory = "global::System.MemoryExtensions";
        private const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";

        private readonly IReadOnlyList<NameSwitchEntry> _entries;
        private readonly CompilationFacts _facts;
        private readonly string _prefix;

        /// <param name="entries">The names in priority order.</param>
        /// <param name="facts">Decides which language features and APIs the code may use.</param>
        /// <param name="supportPrefix">Prefix of the support members' names (helpers and data), unique in the class.</param>
        public NameSwitchWriter(IEnumerable<NameSwitchEntry> entries, CompilationFacts facts, string supportPrefix)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            _entries = entries.Where(e => seen.Add(e.Name)).ToList();
            _facts = facts;
            _prefix = supportPrefix;
        }

        /// <summary>Some name has a character outside ASCII (see the remarks on UTF-8 case-insensitive matching).</summary>
        public bool HasNonAsciiNames => _entries.Any(e => !IsAscii(e.Name));

        private string CharsHelper => _prefix + "Equals";

        private string Utf8Helper => _prefix + "EqualsUtf8";

        private string Utf8DataField => "s_" + char.ToLowerInvariant(_prefix[0]) + _prefix.Substring(1) + "Utf8";

        /// <summary><c>bool method(string text, out T value)</c>: the whole string, ordinal.</summary>
        public void WriteStringOrdinal(SourceWriter w, string method, string valueType)
        {
            w.WriteLine("private static bool " + method + "(string text, out " + valueType + " value)");
            using (w.OpenBlock())
            {
                if (_entries.Count > 0)
                {
                    w.WriteLine("switch (text)");
                    using (w.OpenBlock())
                    {
                        foreach (NameSwitchEntry entry in _entries)
                        {
                            w.WriteLine("case " + CSharpLiteral.String(entry.Name) + ":");
                            WriteFound(w, entry, 1);
                        }
                    }

                    w.WriteLine();
                }

                WriteNotFound(w);
            }
        }

        /// <summary>
        /// <c>bool method(string text, int start, int length, bool ignoreCase, out T value)</c>: the characters
        /// text[start..start+length), for targets without spans. Compares in place, so nothing is allocated.
        /// </summary>
        public void WriteStringRange(SourceWriter w, string method, string valueType)
        {
            w.WriteLine("private static bool " + method + "(string text, int start, int length, bool ignoreCase, out " + valueType + " value)");
            using (w.OpenBlock())
            {
                WriteLengthSwitch(w, "length", Utf16Groups(), entry =>
                    "string.Compare(text, start, " + CSharpLiteral.String(entry.Name) + ", 0, length, ignoreCase ? global::System.StringComparison.OrdinalIgnoreCase : global::System.StringComparison.Ordinal) == 0");
                WriteNotFound(w);
            }
        }

        /// <summary>
        /// <c>bool method(ReadOnlySpan&lt;char&gt; text, bool ignoreCase, out T value)</c>: from C# 11 a switch on the
        /// span for ordinal matching; otherwise, and for ignoreCase, a switch on the length, then comparisons.
        /// </summary>
        public void WriteChars(SourceWriter w, string method, string valueType)
        {
            w.WriteLine("private static bool " + method + "(" + Span + "<char> text, bool ignoreCase, out " + valueType + " value)");
            using (w.OpenBlock())
            {
                if (_facts.SupportsUtf8AndSpanPatterns && _entries.Count > 0)
                {
                    w.WriteLine("if (!ignoreCase)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("switch (text)");
                        using (w.OpenBlock())
                        {
                            foreach (NameSwitchEntry entry in _entries)
                            {
                                w.WriteLine("case " + CSharpLiteral.String(entry.Name) + ":");
                                WriteFound(w, entry, 1);
                            }
                        }

                        w.WriteLine();
                        WriteNotFound(w);
                    }

                    w.WriteLine();
                }

                WriteLengthSwitch(w, "text.Length", Utf16Groups(), entry => CharsHelper + "(text, " + CSharpLiteral.String(entry.Name) + ", ignoreCase)");
                WriteNotFound(w);
            }
        }

        /// <summary>
        /// <c>bool method(ReadOnlySpan&lt;byte&gt; text, bool ignoreCase, out T value)</c> for UTF-8 text: ordinal
        /// compares bytes with each name's UTF-8 form; ignoreCase folds ASCII letters and never matches a name that
        /// is not ASCII.
        /// </summary>
        public void WriteUtf8(SourceWriter w, string method, string valueType)
        {
            IReadOnlyList<(int Offset, int Length)> slices = Utf8Slices();
            var byIndex = _entries.Select((e, i) => (Entry: e, Index: i)).ToList();

            w.WriteLine("private static bool " + method + "(" + Span + "<byte> text, bool ignoreCase, out " + valueType + " value)");
            using (w.OpenBlock())
            {
                WriteLengthSwitch(w, "text.Length", Group(byIndex, p => slices[p.Index].Length), p => IsAscii(p.Entry.Name)
                    ? Utf8Helper + "(text, " + Utf8Expression(p.Entry, slices[p.Index]) + ", ignoreCase)"
                    : "!ignoreCase && " + Memory + ".SequenceEqual(text, " + Utf8Expression(p.Entry, slices[p.Index]) + ")", p => p.Entry);
                WriteNotFound(w);
            }
        }

        /// <summary>
        /// The helpers and data the matchers use: the char comparison (spans), the UTF-8 comparison (ASCII letters
        /// folded when ignoring case) and, before C# 11, the UTF-8 names. Write once per class.
        /// </summary>
        public void WriteSupport(SourceWriter w, bool chars, bool utf8)
        {
            if (chars && _facts.HasReadOnlySpan)
            {
                w.WriteLine("private static bool " + CharsHelper + "(" + Span + "<char> text, string name, bool ignoreCase)");
                w.WriteLine("    => ignoreCase");
                w.WriteLine("        ? " + Memory + ".Equals(text, " + Memory + ".AsSpan(name), global::System.StringComparison.OrdinalIgnoreCase)");
                w.WriteLine("        : " + Memory + ".SequenceEqual(text, " + Memory + ".AsSpan(name));");
                w.WriteLine();
            }

            if (!utf8 || !_facts.HasReadOnlySpan)
            {
                return;
            }

            // Lengths are equal (the caller switched on them). Ignoring case, a byte pair matches when equal, or when
            // both are the same ASCII letter in different case: OR-ing 0x20 lower-cases letters, and only letters
            // then lie in 'a'..'z'. While both sides are ASCII, eight bytes are compared at once, letters lower-cased.
            w.WriteLine("private static bool " + Utf8Helper + "(" + Span + "<byte> text, " + Span + "<byte> name, bool ignoreCase)");
            using (w.OpenBlock())
            {
                w.WriteLine("if (!ignoreCase)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return " + Memory + ".SequenceEqual(text, name);");
                }

                w.WriteLine();
                w.WriteLine("int i = 0;");
                w.WriteLine("for (; i + 8 <= text.Length; i += 8)");
                using (w.OpenBlock())
                {
                    w.WriteLine("ulong x = " + MemoryMarshal + ".Read<ulong>(text.Slice(i));");
                    w.WriteLine("ulong y = " + MemoryMarshal + ".Read<ulong>(name.Slice(i));");
                    w.WriteLine("if (x != y)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("if (((x | y) & 0x8080808080808080UL) != 0)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("break;");
                        }

                        w.WriteLine();
                        w.WriteLine("if (LowerAsciiLetters(x) != LowerAsciiLetters(y))");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("return false;");
                        }
                    }
                }

                w.WriteLine();
                w.WriteLine("for (; i < text.Length; i++)");
                using (w.OpenBlock())
                {
                    w.WriteLine("int a = text[i];");
                    w.WriteLine("int b = name[i];");
                    w.WriteLine("if (a != b)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("a |= 0x20;");
                        w.WriteLine("if (a != (b | 0x20) || a < 'a' || a > 'z')");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("return false;");
                        }
                    }
                }

                w.WriteLine();
                w.WriteLine("return true;");
            }

            w.WriteLine();

            // Eight ASCII bytes at once: a byte c < 0x80 is an upper-case letter exactly when c + 0x3F reaches 0x80 and
            // c + 0x25 does not (no sum carries into the next byte), so that bit, moved to 0x20, lower-cases the letters.
            w.WriteLine("private static ulong LowerAsciiLetters(ulong ascii)");
            w.WriteLine("    => ascii | ((unchecked((ascii + 0x3F3F3F3F3F3F3F3FUL) ^ (ascii + 0x2525252525252525UL)) & 0x8080808080808080UL) >> 2);");
            w.WriteLine();
            if (!_facts.SupportsUtf8AndSpanPatterns && _entries.Count > 0)
            {
                // Without "..."u8 literals: every name's UTF-8 bytes, back to back, encoded once when the class is first used.
                w.WriteLine("private static readonly byte[] " + Utf8DataField + " = global::System.Text.Encoding.UTF8.GetBytes(");
                w.WriteLine("    " + CSharpLiteral.String(string.Concat(_entries.Select(e => e.Name))) + ");");
                w.WriteLine();
            }
        }

        private static bool IsAscii(string text) => text.All(c => c <= 0x7F);

        private string Utf8Expression(NameSwitchEntry entry, (int Offset, int Length) slice)
            => _facts.SupportsUtf8AndSpanPatterns
                ? CSharpLiteral.String(entry.Name) + "u8"
                : "new " + Span + "<byte>(" + Utf8DataField + ", " + Number(slice.Offset) + ", " + Number(slice.Length) + ")";

        private IReadOnlyList<(int Offset, int Length)> Utf8Slices()
        {
            var slices = new List<(int, int)>();
            int offset = 0;
            foreach (NameSwitchEntry entry in _entries)
            {
                int length = Encoding.UTF8.GetByteCount(entry.Name);
                slices.Add((offset, length));
                offset += length;
            }

            return slices;
        }

        private IReadOnlyList<IGrouping<int, NameSwitchEntry>> Utf16Groups() => Group(_entries, e => e.Name.Length);

        /// <summary>Groups by length, lengths ascending, priority order kept inside each group.</summary>
        private static IReadOnlyList<IGrouping<int, T>> Group<T>(IEnumerable<T> items, System.Func<T, int> length)
            => items.GroupBy(length).OrderBy(g => g.Key).ToList();

        private static void WriteLengthSwitch(SourceWriter w, string lengthExpression, IReadOnlyList<IGrouping<int, NameSwitchEntry>> groups, System.Func<NameSwitchEntry, string> condition)
            => WriteLengthSwitch(w, lengthExpression, groups, condition, e => e);

        private static void WriteLengthSwitch<T>(SourceWriter w, string lengthExpression, IReadOnlyList<IGrouping<int, T>> groups, System.Func<T, string> condition, System.Func<T, NameSwitchEntry> entryOf)
        {
            if (groups.Count == 0)
            {
                return;
            }

            w.WriteLine("switch (" + lengthExpression + ")");
            using (w.OpenBlock())
            {
                foreach (IGrouping<int, T> group in groups)
                {
                    w.WriteLine("case " + Number(group.Key) + ":");
                    foreach (T item in group)
                    {
                        NameSwitchEntry entry = entryOf(item);
                        w.WriteLine("    if (" + condition(item) + ") { value = " + entry.ValueExpression + "; return true; }");
                    }

                    w.WriteLine("    break;");
                }
            }

            w.WriteLine();
        }

        private static void WriteFound(SourceWriter w, NameSwitchEntry entry, int depth)
        {
            string indent = new string(' ', 4 * depth);
            w.WriteLine(indent + "value = " + entry.ValueExpression + ";");
            w.WriteLine(indent + "return true;");
        }

        private static void WriteNotFound(SourceWriter w)
        {
            w.WriteLine("value = default;");
            w.WriteLine("return false;");
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
