using System.Collections.Generic;

namespace TapiGen.Generator.Emit.Json
{
    /// <summary>
    /// Writes the Newtonsoft.Json converter's text handling on strings: the same rules as <see cref="Utf8TextCode"/>
    /// (exact names, then optionally ignoring case; white space as char.IsWhiteSpace; comma lists for flags; integers).
    /// </summary>
    internal sealed class StringTextCode
    {
        private readonly EnumCode _code;
        private readonly string _nullable;

        public StringTextCode(EnumCode code, string nullable)
        {
            _code = code;
            _nullable = nullable;
        }

        public void WriteFields(SourceWriter w)
        {
            if (_code.IgnoreCase)
            {
                w.WriteLine();
                w.WriteLine("private static readonly string[] s_readNames =");
                using (w.OpenBlock(";"))
                {
                    foreach (JsonName name in _code.Names.Readable)
                    {
                        w.WriteLine(CSharpLiterals.String(name.Name) + ",");
                    }
                }

                w.WriteLine();
                w.WriteLine("private static readonly " + _code.Type + "[] s_readValues =");
                using (w.OpenBlock(";"))
                {
                    foreach (JsonName name in _code.Names.Readable)
                    {
                        w.WriteLine(_code.Member(name.Member) + ",");
                    }
                }
            }

            if (_code.IsFlags)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>The names of <see cref=\"s_flagBits\"/>, in the same order.</summary>");
                w.WriteLine("private static readonly string[] s_flagNames =");
                using (w.OpenBlock(";"))
                {
                    foreach (JsonName name in _code.Names.FlagsDescending)
                    {
                        w.WriteLine(CSharpLiterals.String(name.Name) + ",");
                    }
                }
            }
        }

        public void WriteMembers(SourceWriter w)
        {
            WriteParse(w);
            if (_code.IsFlags)
            {
                WriteParseList(w);
                WriteFormatFlags(w);
            }

            WriteTryMatch(w);
            w.WriteLine();
            w.WriteLine("/// <summary>The text for a message: quoted, and cut after 64 characters.</summary>");
            w.WriteLine("private static string Quote(string text)");
            using (w.OpenBlock())
            {
                w.WriteLine("return text.Length > 64 ? \"\\\"\" + text.Substring(0, 64) + \"...\\\"\" : \"\\\"\" + text + \"\\\"\";");
            }
        }

        private void WriteParse(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>The value a JSON string names; throws when it names none.</summary>");
            w.WriteLine("private static " + _code.Type + " Parse(string text)");
            using (w.OpenBlock())
            {
                w.WriteLine(_code.Type + " value;");
                w.WriteLine("if (TryMatch(text, out value))");
                using (w.OpenBlock())
                {
                    w.WriteLine("return value;");
                }

                w.WriteLine();
                w.WriteLine("string trimmed = text.Trim();");
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
            w.WriteLine("private static " + _code.Type + " ParseList(string list, string text)");
            using (w.OpenBlock())
            {
                w.WriteLine("ulong bits = 0;");
                w.WriteLine("int start = 0;");
                w.WriteLine("while (true)");
                using (w.OpenBlock())
                {
                    w.WriteLine("int comma = list.IndexOf(',', start);");
                    w.WriteLine(_code.Type + " member;");
                    w.WriteLine("if (!TryMatch((comma < 0 ? list.Substring(start) : list.Substring(start, comma - start)).Trim(), out member))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("throw NotAName(Quote(text));");
                    }

                    w.WriteLine();
                    w.WriteLine("bits |= " + _code.ToBits("member") + ";");
                    w.WriteLine("if (comma < 0 || list.Substring(comma + 1).Trim().Length == 0)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("break;");
                    }

                    w.WriteLine();
                    w.WriteLine("start = comma + 1;");
                }

                w.WriteLine();
                w.WriteLine("return " + _code.FromBits("bits") + ";");
            }
        }

        private void WriteFormatFlags(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>The names of the flags in bits, lowest value first, \", \" between them; null when bits is no combination of members.</summary>");
            w.WriteLine("private static string" + _nullable + " FormatFlags(ulong bits)");
            using (w.OpenBlock())
            {
                w.WriteLine("if (bits == 0)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return null;");
                }

                w.WriteLine();
                w.WriteLine("string" + _nullable + " text = null;");
                w.WriteLine("for (int i = 0; i < s_flagBits.Length; i++)");
                using (w.OpenBlock())
                {
                    w.WriteLine("ulong flag = s_flagBits[i];");
                    w.WriteLine("if ((bits & flag) == flag)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("bits &= ~flag;");
                        w.WriteLine("text = text == null ? s_flagNames[i] : s_flagNames[i] + \", \" + text;");
                    }
                }

                w.WriteLine();
                w.WriteLine("return bits == 0 ? text : null;");
            }
        }

        private void WriteTryMatch(SourceWriter w)
        {
            IReadOnlyList<JsonName> names = _code.Names.Readable;
            w.WriteLine();
            w.WriteLine("/// <summary>Matches one name exactly" + (_code.IgnoreCase ? ", then ignoring case (ordinal, as Enum.TryParse)" : string.Empty) + ".</summary>");
            w.WriteLine("private static bool TryMatch(string text, out " + _code.Type + " value)");
            using (w.OpenBlock())
            {
                if (names.Count > 0)
                {
                    w.WriteLine("switch (text)");
                    using (w.OpenBlock())
                    {
                        foreach (JsonName name in names)
                        {
                            SwitchCase.Write(w, "case " + CSharpLiterals.String(name.Name) + ":", "value = " + _code.Member(name.Member) + ";", "return true;");
                        }
                    }

                    w.WriteLine();
                }

                if (_code.IgnoreCase)
                {
                    w.WriteLine("for (int i = 0; i < s_readNames.Length; i++)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("if (string.Equals(text, s_readNames[i], global::System.StringComparison.OrdinalIgnoreCase))");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("value = s_readValues[i];");
                            w.WriteLine("return true;");
                        }
                    }

                    w.WriteLine();
                }

                w.WriteLine("value = default(" + _code.Type + ");");
                w.WriteLine("return false;");
            }
        }
    }
}
