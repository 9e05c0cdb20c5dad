using System.Collections.Generic;
using System.Linq;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit.Json
{
    /// <summary>
    /// Writes the System.Text.Json converter's text handling, all on UTF-8 bytes: matching names (through
    /// <see cref="Utf8NameSwitch"/>), trimming white space, comma lists for flags, integers, and formatting flags.
    /// The rules are JsonStringEnumConverter's, except where README's JSON section says otherwise.
    /// </summary>
    internal sealed class Utf8TextCode
    {
        private const string Span = "global::System.ReadOnlySpan<byte>";
        private readonly EnumCode _code;
        private readonly bool _utf8Literals;
        private readonly Dictionary<string, int> _byteFields = new Dictionary<string, int>(System.StringComparer.Ordinal);

        public Utf8TextCode(EnumCode code, CompilationFacts facts)
        {
            _code = code;
            _utf8Literals = facts.SupportsUtf8AndSpanPatterns;
            if (!_utf8Literals)
            {
                foreach (JsonName name in code.Names.Readable.Concat(code.Names.FlagsDescending))
                {
                    if (!_byteFields.ContainsKey(name.Name))
                    {
                        _byteFields.Add(name.Name, _byteFields.Count);
                    }
                }
            }
        }

        /// <summary>Before C# 11 there are no "..."u8 literals: the names' bytes are made once, into static fields.</summary>
        public void WriteFields(SourceWriter w)
        {
            foreach (KeyValuePair<string, int> field in _byteFields.OrderBy(f => f.Value))
            {
                w.WriteLine("private static readonly byte[] " + ByteField(field.Value) + " = global::System.Text.Encoding.UTF8.GetBytes(" + CSharpLiterals.String(field.Key) + ");");
            }
        }

        public void WriteMembers(SourceWriter w)
        {
            WriteParse(w);
            if (_code.IsFlags)
            {
                WriteParseList(w);
            }

            WriteTryMatch(w);
            WriteWhiteSpace(w);
            WriteQuote(w);
            if (_code.IsFlags)
            {
                WriteFormatFlags(w);
            }
        }

        private string NameBytes(string name)
            => _utf8Literals ? CSharpLiterals.Utf8String(name) : ByteField(_byteFields[name]);

        private static string ByteField(int index) => "s_utf8Name" + CSharpLiterals.Int(index);

        private void WriteParse(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>The value a JSON string (unescaped UTF-8) names; throws when it names none.</summary>");
            w.WriteLine("private static " + _code.Type + " Parse(" + Span + " text)");
            using (w.OpenBlock())
            {
                w.WriteLine(_code.Type + " value;");
                w.WriteLine("if (TryMatch(text, out value))");
                using (w.OpenBlock())
                {
                    w.WriteLine("return value;");
                }

                w.WriteLine();
                w.WriteLine(Span + " trimmed = Trim(text);");
                w.WriteLine("if (trimmed.Length == 0)");
                using (w.OpenBlock())
                {
                    w.WriteLine("throw EmptyText();");
                }

                if (!_code.IsFlags)
                {
                    w.WriteLine();
                    w.WriteLine("if (trimmed.Length != text.Length && TryMatch(trimmed, out value))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return value;");
                    }
                }

                w.WriteLine();
                w.WriteLine("ulong bits;");
                w.WriteLine("switch (TryParseInteger(trimmed, out bits))");
                using (w.OpenBlock())
                {
                    w.WriteLine("case " + ConverterCommon.ReadOk + ":");
                    using (w.OpenBlock())
                    {
                        if (!_code.AllowNumbers)
                        {
                            w.WriteLine("throw NumbersNotAllowed(Quote(text));");
                        }
                        else
                        {
                            if (_code.UndefinedIsError)
                            {
                                w.WriteLine("if (!IsDefined(bits))");
                                using (w.OpenBlock())
                                {
                                    w.WriteLine("throw NotDefined(Quote(text));");
                                }

                                w.WriteLine();
                            }

                            w.WriteLine("return " + _code.FromBits("bits") + ";");
                        }
                    }

                    SwitchCase.Write(w, "case " + ConverterCommon.OutOfRange + ":", _code.AllowNumbers ? "throw NumberOutOfRange(Quote(text));" : "throw NumbersNotAllowed(Quote(text));");
                }

                w.WriteLine();
                w.WriteLine(_code.IsFlags ? "return ParseList(trimmed, text);" : "throw NotAName(Quote(text));");
            }
        }

        private void WriteParseList(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>\"A, B\": names separated by commas, white space around each; one trailing comma is allowed, as JsonStringEnumConverter allows it.</summary>");
            w.WriteLine("private static " + _code.Type + " ParseList(" + Span + " list, " + Span + " text)");
            using (w.OpenBlock())
            {
                w.WriteLine("ulong bits = 0;");
                w.WriteLine("while (true)");
                using (w.OpenBlock())
                {
                    w.WriteLine("int comma = global::System.MemoryExtensions.IndexOf(list, (byte)',');");
                    w.WriteLine(_code.Type + " member;");
                    w.WriteLine("if (!TryMatch(Trim(comma < 0 ? list : list.Slice(0, comma)), out member))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("throw NotAName(Quote(text));");
                    }

                    w.WriteLine();
                    w.WriteLine("bits |= " + _code.ToBits("member") + ";");
                    w.WriteLine("if (comma < 0)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("break;");
                    }

                    w.WriteLine();
                    w.WriteLine("list = list.Slice(comma + 1);");
                    w.WriteLine("if (Trim(list).Length == 0)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("break;");
                    }
                }

                w.WriteLine();
                w.WriteLine("return " + _code.FromBits("bits") + ";");
            }
        }

        private void WriteTryMatch(SourceWriter w)
        {
            IReadOnlyList<JsonName> names = _code.Names.Readable;
            w.WriteLine();
            w.WriteLine("/// <summary>Matches one name, byte for byte" + (_code.IgnoreCase ? ", then ignoring case" : string.Empty) + ".</summary>");
            w.WriteLine("private static bool TryMatch(" + Span + " text, out " + _code.Type + " value)");
            using (w.OpenBlock())
            {
                Utf8NameSwitch.Write(w, "text", Cases(names));
                if (_code.IgnoreCase)
                {
                    w.WriteLine();
                    Utf8NameSwitch.Write(w, "text", Cases(names), "EqualsAsciiIgnoreCase", "AsciiLower");
                    if (_code.Names.HasNonAsciiName)
                    {
                        w.WriteLine();
                        w.WriteLine("if (!IsAscii(text))");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("return TryMatchNonAscii(text, out value);");
                        }
                    }
                }

                w.WriteLine();
                w.WriteLine("value = default(" + _code.Type + ");");
                w.WriteLine("return false;");
            }

            if (_code.IgnoreCase)
            {
                WriteIgnoreCaseHelpers(w);
            }
        }

        private List<Utf8NameSwitch.Case> Cases(IReadOnlyList<JsonName> names)
            => names.Select(n => new Utf8NameSwitch.Case(
                n.Name,
                NameBytes(n.Name),
                new[] { "value = " + _code.Member(n.Member) + ";", "return true;" })).ToList();

        private void WriteIgnoreCaseHelpers(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("private static byte AsciiLower(byte b)");
            using (w.OpenBlock())
            {
                w.WriteLine("return unchecked((uint)(b - 'A')) <= 'Z' - 'A' ? (byte)(b | 0x20) : b;");
            }

            w.WriteLine();
            w.WriteLine("private static bool EqualsAsciiIgnoreCase(" + Span + " text, " + Span + " name)");
            using (w.OpenBlock())
            {
                w.WriteLine("if (text.Length != name.Length)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return false;");
                }

                w.WriteLine();
                w.WriteLine("for (int i = 0; i < text.Length; i++)");
                using (w.OpenBlock())
                {
                    w.WriteLine("if (AsciiLower(text[i]) != AsciiLower(name[i]))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return false;");
                    }
                }

                w.WriteLine();
                w.WriteLine("return true;");
            }

            if (!_code.Names.HasNonAsciiName)
            {
                return;
            }

            w.WriteLine();
            w.WriteLine("private static bool IsAscii(" + Span + " text)");
            using (w.OpenBlock())
            {
                w.WriteLine("for (int i = 0; i < text.Length; i++)");
                using (w.OpenBlock())
                {
                    w.WriteLine("if (text[i] > 0x7F)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return false;");
                    }
                }

                w.WriteLine();
                w.WriteLine("return true;");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>Names beyond ASCII compare as strings, with the ordinal case rules Enum.TryParse uses.</summary>");
            w.WriteLine("private static bool TryMatchNonAscii(" + Span + " text, out " + _code.Type + " value)");
            using (w.OpenBlock())
            {
                w.WriteLine("string decoded = global::System.Text.Encoding.UTF8.GetString(text.ToArray());");
                foreach (JsonName name in _code.Names.Readable.Where(n => !JsonNames.IsAscii(n.Name)))
                {
                    w.WriteLine("if (string.Equals(decoded, " + CSharpLiterals.String(name.Name) + ", global::System.StringComparison.OrdinalIgnoreCase))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("value = " + _code.Member(name.Member) + ";");
                        w.WriteLine("return true;");
                    }

                    w.WriteLine();
                }

                w.WriteLine("value = default(" + _code.Type + ");");
                w.WriteLine("return false;");
            }
        }

        /// <summary>White space is what char.IsWhiteSpace says, as Enum.TryParse trims it, found in UTF-8 without decoding.</summary>
        private static void WriteWhiteSpace(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("private static " + Span + " Trim(" + Span + " text)");
            using (w.OpenBlock())
            {
                w.WriteLine("int n;");
                w.WriteLine("while (text.Length > 0 && (n = LeadingSpace(text)) > 0)");
                using (w.OpenBlock())
                {
                    w.WriteLine("text = text.Slice(n);");
                }

                w.WriteLine();
                w.WriteLine("while (text.Length > 0 && (n = TrailingSpace(text)) > 0)");
                using (w.OpenBlock())
                {
                    w.WriteLine("text = text.Slice(0, text.Length - n);");
                }

                w.WriteLine();
                w.WriteLine("return text;");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>The length in bytes of the white space character text starts with, or 0.</summary>");
            w.WriteLine("private static int LeadingSpace(" + Span + " text)");
            using (w.OpenBlock())
            {
                w.WriteLine("byte b = text[0];");
                w.WriteLine("if (b == 0x20 || (b >= 0x09 && b <= 0x0D))");
                using (w.OpenBlock())
                {
                    w.WriteLine("return 1;");
                }

                w.WriteLine();
                w.WriteLine("if (b == 0xC2)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return text.Length >= 2 && (text[1] == 0x85 || text[1] == 0xA0) ? 2 : 0;");
                }

                w.WriteLine();
                w.WriteLine("return text.Length >= 3 && IsSpace3(b, text[1], text[2]) ? 3 : 0;");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>The length in bytes of the white space character text ends with, or 0.</summary>");
            w.WriteLine("private static int TrailingSpace(" + Span + " text)");
            using (w.OpenBlock())
            {
                w.WriteLine("int n = text.Length;");
                w.WriteLine("byte b = text[n - 1];");
                w.WriteLine("if (b == 0x20 || (b >= 0x09 && b <= 0x0D))");
                using (w.OpenBlock())
                {
                    w.WriteLine("return 1;");
                }

                w.WriteLine();
                w.WriteLine("if (n >= 2 && text[n - 2] == 0xC2 && (b == 0x85 || b == 0xA0))");
                using (w.OpenBlock())
                {
                    w.WriteLine("return 2;");
                }

                w.WriteLine();
                w.WriteLine("return n >= 3 && IsSpace3(text[n - 3], text[n - 2], b) ? 3 : 0;");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 in UTF-8.</summary>");
            w.WriteLine("private static bool IsSpace3(byte b0, byte b1, byte b2)");
            using (w.OpenBlock())
            {
                w.WriteLine("switch (b0)");
                using (w.OpenBlock())
                {
                    SwitchCase.Write(w, "case 0xE1:", "return b1 == 0x9A && b2 == 0x80;");

                    SwitchCase.Write(w, "case 0xE2:", "return (b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) || (b1 == 0x81 && b2 == 0x9F);");

                    SwitchCase.Write(w, "case 0xE3:", "return b1 == 0x80 && b2 == 0x80;");

                    SwitchCase.Write(w, "default:", "return false;");
                }
            }
        }

        private static void WriteQuote(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>The text for a message: quoted, and cut after 64 characters.</summary>");
            w.WriteLine("private static string Quote(" + Span + " text)");
            using (w.OpenBlock())
            {
                w.WriteLine("const int MaxShown = 64;");
                w.WriteLine("string shown = global::System.Text.Encoding.UTF8.GetString(text.Slice(0, global::System.Math.Min(text.Length, MaxShown * 4)).ToArray());");
                w.WriteLine("return shown.Length > MaxShown ? \"\\\"\" + shown.Substring(0, MaxShown) + \"...\\\"\" : \"\\\"\" + shown + \"\\\"\";");
            }
        }

        private void WriteFormatFlags(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Writes the names of the flags in bits to the end of buffer, lowest value first and \", \" between them, as");
            w.WriteLine("/// Enum.ToString and JsonStringEnumConverter do; returns where the text starts, or -1 when bits is no combination of members.");
            w.WriteLine("/// </summary>");
            w.WriteLine("private static int FormatFlags(ulong bits, global::System.Span<byte> buffer)");
            using (w.OpenBlock())
            {
                w.WriteLine("if (bits == 0)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return -1;");
                }

                w.WriteLine();
                w.WriteLine("int start = buffer.Length;");
                w.WriteLine("for (int i = 0; i < s_flagBits.Length; i++)");
                using (w.OpenBlock())
                {
                    w.WriteLine("ulong flag = s_flagBits[i];");
                    w.WriteLine("if ((bits & flag) == flag)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("bits &= ~flag;");
                        w.WriteLine("if (start != buffer.Length)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("buffer[--start] = (byte)' ';");
                            w.WriteLine("buffer[--start] = (byte)',';");
                        }

                        w.WriteLine();
                        w.WriteLine(Span + " name = FlagName(i);");
                        w.WriteLine("start -= name.Length;");
                        w.WriteLine("name.CopyTo(buffer.Slice(start));");
                    }
                }

                w.WriteLine();
                w.WriteLine("return bits == 0 ? start : -1;");
            }

            w.WriteLine();
            w.WriteLine("private static " + Span + " FlagName(int index)");
            using (w.OpenBlock())
            {
                w.WriteLine("switch (index)");
                using (w.OpenBlock())
                {
                    IReadOnlyList<JsonName> flags = _code.Names.FlagsDescending;
                    for (int i = 0; i < flags.Count; i++)
                    {
                        SwitchCase.Write(w, "case " + CSharpLiterals.Int(i) + ":", "return " + NameBytes(flags[i].Name) + ";");
                    }

                    SwitchCase.Write(w, "default:", "return default(" + Span + ");");
                }
            }
        }
    }
}
