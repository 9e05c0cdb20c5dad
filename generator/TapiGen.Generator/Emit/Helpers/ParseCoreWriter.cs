namespace TapiGen.Generator.Emit.Helpers
{
    /// <summary>
    /// The private parsing machinery. One algorithm, the runtime's (Enum.TryParse in .NET 8+), written out for each
    /// kind of input by the same template, so string, char-span and UTF-8 parsing cannot drift apart:
    /// <list type="number">
    /// <item>skip leading white space (char.IsWhiteSpace); nothing left is "empty";</item>
    /// <item>when numbers are allowed and the first character is a digit, '-' or '+', read an integer of the
    /// underlying type (ASCII digits, optional sign, then only ASCII white space and NUL characters); overflow is
    /// final, a malformed number falls through to names, as in the runtime;</item>
    /// <item>otherwise split at commas (a trailing comma fails), trim each piece, match each against the names
    /// (ordinal or OrdinalIgnoreCase) and OR the values.</item>
    /// </list>
    /// UTF-8 input that is all ASCII runs the same steps on bytes; other UTF-8 input is decoded into a stack buffer
    /// (a heap array above 256 characters) and parsed as characters; invalid UTF-8 never matches, because its
    /// replacement character could appear in no name, number or white space.
    /// </summary>
    internal static class ParseCoreWriter
    {
        private const string Span = "global::System.ReadOnlySpan";

        /// <summary>Characters of UTF-8 input that are decoded on the stack; longer input uses an array.</summary>
        private const int DecodeStackLimit = 256;

        /// <summary>How one kind of input is read by the shared template.</summary>
        private sealed class InputKind
        {
            public InputKind(string type, string isWhiteSpace, System.Func<string, string, string> matchToken)
            {
                Type = type;
                IsWhiteSpace = isWhiteSpace;
                MatchToken = matchToken;
            }

            public string Type { get; }

            /// <summary>The predicate for white space, called with one element.</summary>
            public string IsWhiteSpace { get; }

            /// <summary>Given (start, length) expressions, a call matching that token that sets 'member'.</summary>
            public System.Func<string, string, string> MatchToken { get; }
        }

        public static void Write(SourceWriter w, HelpersPlan plan)
        {
            WriteStatusCodes(w);
            if (plan.UseSpans)
            {
                var chars = new InputKind(Span + "<char>", "char.IsWhiteSpace",
                    (start, length) => "MatchName(value.Slice(" + start + ", " + length + "), ignoreCase, out member)");
                var bytes = new InputKind(Span + "<byte>", "IsAsciiWhiteSpace",
                    (start, length) => "MatchNameUtf8(value.Slice(" + start + ", " + length + "), ignoreCase, out member)");
                WriteStringEntry(w, plan);
                WriteCore(w, plan, "ParseChars", chars, wholeStringFastPath: false, utf8Entry: false, wholeSpanMatch: "MatchName");
                WriteCore(w, plan, "ParseUtf8", bytes, wholeStringFastPath: false, utf8Entry: true, wholeSpanMatch: "MatchNameUtf8");
                WriteNumberParser(w, plan, chars);
                WriteNumberParser(w, plan, bytes);
                WriteUtf8Decoding(w, plan);
            }
            else
            {
                var text = new InputKind("string", "char.IsWhiteSpace",
                    (start, length) => "MatchName(value, " + start + ", " + length + ", ignoreCase, out member)");
                WriteCore(w, plan, "ParseString", text, wholeStringFastPath: true, utf8Entry: false, wholeSpanMatch: null);
                WriteNumberParser(w, plan, text);
            }

            w.WriteLine("private static bool IsAsciiWhiteSpace(int c) => c == ' ' || (c >= '\\t' && c <= '\\r');");
            w.WriteLine();
            WriteFailure(w, plan);
            WriteMatchers(w, plan);
        }

        private static void WriteStatusCodes(SourceWriter w)
        {
            w.WriteLine("private const int ParseOk = 0;");
            w.WriteLine("private const int ParseEmpty = 1;");
            w.WriteLine("private const int ParseNotFound = 2;");
            w.WriteLine("private const int ParseOverflow = 3;");
            w.WriteLine();
        }

        /// <summary>With spans, strings are parsed as spans (whose first step is the whole-input name match).</summary>
        private static void WriteStringEntry(SourceWriter w, HelpersPlan plan)
        {
            string s = plan.Type.Storage;
            w.WriteLine("private static int ParseString(string value, bool ignoreCase, bool allowNumbers, out " + s + " result)");
            using (w.OpenBlock())
            {
                w.WriteLine("return ParseChars(global::System.MemoryExtensions.AsSpan(value), ignoreCase, allowNumbers, out result);");
            }

            w.WriteLine();
        }

        /// <param name="wholeSpanMatch">
        /// The matcher to try on the whole input before the general steps, or null. A name is an identifier: it has no
        /// white space or comma and starts with no digit or sign, so when the whole input matches one, the general steps
        /// would give the same answer; they only run for input that is not exactly one name.
        /// </param>
        private static void WriteCore(SourceWriter w, HelpersPlan plan, string method, InputKind kind, bool wholeStringFastPath, bool utf8Entry, string? wholeSpanMatch)
        {
            string s = plan.Type.Storage;
            w.WriteLine("private static int " + method + "(" + kind.Type + " value, bool ignoreCase, bool allowNumbers, out " + s + " result)");
            using (w.OpenBlock())
            {
                if (wholeSpanMatch is not null)
                {
                    // Ignoring case with names that are not ASCII, UTF-8 input is decoded and compared as characters in
                    // the runtime's order (an ASCII name must not win over an earlier name that only matches as
                    // characters), so the byte switch is tried on its own only for exact matches.
                    bool exactOnly = utf8Entry && plan.HasNonAsciiNames;
                    w.WriteLine("// The common case, exactly one name, is one switch; the steps below handle everything else.");
                    w.WriteLine(exactOnly
                        ? "if (!ignoreCase && " + wholeSpanMatch + "(value, false, out result))"
                        : "if (" + wholeSpanMatch + "(value, ignoreCase, out result))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return ParseOk;");
                    }

                    w.WriteLine();
                }

                if (wholeStringFastPath)
                {
                    w.WriteLine("// The common case, one exact name, is a single switch.");
                    w.WriteLine("if (!ignoreCase && MatchName(value, out result))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return ParseOk;");
                    }

                    w.WriteLine();
                }

                if (utf8Entry)
                {
                    w.WriteLine("for (int i = 0; i < value.Length; i++)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("if (value[i] >= 0x80)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("return ParseUtf8Decoded(value, ignoreCase, allowNumbers, out result);");
                        }
                    }

                    w.WriteLine();
                    if (plan.HasNonAsciiNames)
                    {
                        w.WriteLine("// Some names are not ASCII: compare ignoring case as characters, exactly as the runtime does.");
                        w.WriteLine("if (ignoreCase)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("return ParseUtf8Decoded(value, ignoreCase, allowNumbers, out result);");
                        }

                        w.WriteLine();
                    }
                }

                w.WriteLine("result = 0;");
                w.WriteLine("int start = 0;");
                w.WriteLine("while (start < value.Length && " + kind.IsWhiteSpace + "(value[start]))");
                using (w.OpenBlock())
                {
                    w.WriteLine("start++;");
                }

                w.WriteLine();
                w.WriteLine("if (start == value.Length)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return ParseEmpty;");
                }

                w.WriteLine();
                w.WriteLine("int first = value[start];");
                w.WriteLine("if (allowNumbers && ((first >= '0' && first <= '9') || first == '-' || first == '+'))");
                using (w.OpenBlock())
                {
                    w.WriteLine("// A malformed number (not an overflow) goes on to the names, as in the runtime; none can match it.");
                    w.WriteLine("int status = ParseNumber(value, start, out result);");
                    w.WriteLine("if (status != ParseNotFound)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return status;");
                    }
                }

                w.WriteLine();
                w.WriteLine("// One name, or names separated by commas whose values are combined (for any enum, as the runtime does).");
                w.WriteLine(s + " bits = 0;");
                w.WriteLine("int position = start;");
                w.WriteLine("while (position < value.Length)");
                using (w.OpenBlock())
                {
                    w.WriteLine("int end = position;");
                    w.WriteLine("while (end < value.Length && value[end] != ',')");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("end++;");
                    }

                    w.WriteLine();
                    w.WriteLine("if (end == value.Length - 1)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return ParseNotFound;");
                    }

                    w.WriteLine();
                    w.WriteLine("int tokenStart = position;");
                    w.WriteLine("int tokenEnd = end;");
                    w.WriteLine("while (tokenStart < tokenEnd && " + kind.IsWhiteSpace + "(value[tokenStart]))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("tokenStart++;");
                    }

                    w.WriteLine();
                    w.WriteLine("while (tokenEnd > tokenStart && " + kind.IsWhiteSpace + "(value[tokenEnd - 1]))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("tokenEnd--;");
                    }

                    w.WriteLine();
                    w.WriteLine(s + " member;");
                    w.WriteLine("if (!" + kind.MatchToken("tokenStart", "tokenEnd - tokenStart") + ")");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return ParseNotFound;");
                    }

                    w.WriteLine();
                    w.WriteLine("bits |= member;");
                    w.WriteLine("position = end + 1;");
                }

                w.WriteLine();
                w.WriteLine("result = bits;");
                w.WriteLine("return ParseOk;");
            }

            w.WriteLine();
        }

        /// <summary>
        /// Integer.TryParse with NumberStyles.AllowLeadingSign | AllowTrailingWhite in the invariant culture, the way
        /// Enum.TryParse calls it: a malformed number (status ParseNotFound) takes precedence over overflow.
        /// </summary>
        private static void WriteNumberParser(SourceWriter w, HelpersPlan plan, InputKind kind)
        {
            StorageType t = plan.Type;
            string s = t.Storage;
            w.WriteLine("private static int ParseNumber(" + kind.Type + " value, int start, out " + s + " result)");
            using (w.OpenBlock())
            {
                w.WriteLine("result = 0;");
                w.WriteLine("int i = start;");
                w.WriteLine("bool negative = value[i] == '-';");
                w.WriteLine("if (negative || value[i] == '+')");
                using (w.OpenBlock())
                {
                    w.WriteLine("i++;");
                }

                w.WriteLine();
                w.WriteLine("if (i == value.Length || value[i] < '0' || value[i] > '9')");
                using (w.OpenBlock())
                {
                    w.WriteLine("return ParseNotFound;");
                }

                w.WriteLine();
                w.WriteLine("ulong magnitude = 0;");
                w.WriteLine("bool overflow = false;");
                w.WriteLine("for (; i < value.Length && value[i] >= '0' && value[i] <= '9'; i++)");
                using (w.OpenBlock())
                {
                    w.WriteLine("uint digit = (uint)(value[i] - '0');");
                    w.WriteLine("if (magnitude > (ulong.MaxValue - digit) / 10)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("overflow = true;");
                    }

                    w.WriteLine("else");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("magnitude = (magnitude * 10) + digit;");
                    }
                }

                w.WriteLine();
                w.WriteLine("// After the digits only ASCII white space, then NUL characters, may follow.");
                w.WriteLine("while (i < value.Length && IsAsciiWhiteSpace(value[i]))");
                using (w.OpenBlock())
                {
                    w.WriteLine("i++;");
                }

                w.WriteLine();
                w.WriteLine("while (i < value.Length && value[i] == '\\0')");
                using (w.OpenBlock())
                {
                    w.WriteLine("i++;");
                }

                w.WriteLine();
                w.WriteLine("if (i != value.Length)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return ParseNotFound;");
                }

                w.WriteLine();
                w.WriteLine("if (overflow || magnitude > (negative ? " + StorageType.ULongLiteral(t.MaxNegativeMagnitude) + " : " + StorageType.ULongLiteral(t.MaxPositive) + "))");
                using (w.OpenBlock())
                {
                    w.WriteLine("return ParseOverflow;");
                }

                w.WriteLine();
                w.WriteLine("result = unchecked((" + s + ")(negative ? 0UL - magnitude : magnitude));");
                w.WriteLine("return ParseOk;");
            }

            w.WriteLine();
        }

        private static void WriteUtf8Decoding(SourceWriter w, HelpersPlan plan)
        {
            string s = plan.Type.Storage;
            w.WriteLine("private static int ParseUtf8Decoded(" + Span + "<byte> value, bool ignoreCase, bool allowNumbers, out " + s + " result)");
            using (w.OpenBlock())
            {
                w.WriteLine("if (value.Length > " + DecodeStackLimit + ")");
                using (w.OpenBlock())
                {
                    w.WriteLine("return ParseUtf8Decoded(value, new char[value.Length], ignoreCase, allowNumbers, out result);");
                }

                w.WriteLine();
                w.WriteLine("global::System.Span<char> buffer = stackalloc char[" + DecodeStackLimit + "];");
                w.WriteLine("return ParseUtf8Decoded(value, buffer, ignoreCase, allowNumbers, out result);");
            }

            w.WriteLine();
            w.WriteLine("private static int ParseUtf8Decoded(" + Span + "<byte> value, global::System.Span<char> buffer, bool ignoreCase, bool allowNumbers, out " + s + " result)");
            using (w.OpenBlock())
            {
                w.WriteLine("int length;");
                w.WriteLine("if (!TryDecodeUtf8(value, buffer, out length))");
                using (w.OpenBlock())
                {
                    w.WriteLine("result = 0;");
                    w.WriteLine("return ParseNotFound;");
                }

                w.WriteLine();
                w.WriteLine("return ParseChars(buffer.Slice(0, length), ignoreCase, allowNumbers, out result);");
            }

            w.WriteLine();
            w.WriteLine("// Strict UTF-8 to UTF-16 (no overlong forms, surrogates or values past U+10FFFF). The output is never longer than the input.");
            w.WriteLine("private static bool TryDecodeUtf8(" + Span + "<byte> source, global::System.Span<char> destination, out int written)");
            using (w.OpenBlock())
            {
                w.WriteLine("written = 0;");
                w.WriteLine("int i = 0;");
                w.WriteLine("while (i < source.Length)");
                using (w.OpenBlock())
                {
                    w.WriteLine("int lead = source[i];");
                    w.WriteLine("int extra;");
                    w.WriteLine("int minimum;");
                    w.WriteLine("if (lead < 0x80)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("destination[written++] = (char)lead;");
                        w.WriteLine("i++;");
                        w.WriteLine("continue;");
                    }

                    w.WriteLine("else if (lead >= 0xC2 && lead <= 0xDF)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("extra = 1;");
                        w.WriteLine("minimum = 0x80;");
                        w.WriteLine("lead &= 0x1F;");
                    }

                    w.WriteLine("else if (lead >= 0xE0 && lead <= 0xEF)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("extra = 2;");
                        w.WriteLine("minimum = 0x800;");
                        w.WriteLine("lead &= 0x0F;");
                    }

                    w.WriteLine("else if (lead >= 0xF0 && lead <= 0xF4)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("extra = 3;");
                        w.WriteLine("minimum = 0x10000;");
                        w.WriteLine("lead &= 0x07;");
                    }

                    w.WriteLine("else");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return false;");
                    }

                    w.WriteLine();
                    w.WriteLine("if (source.Length - i <= extra)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return false;");
                    }

                    w.WriteLine();
                    w.WriteLine("int codePoint = lead;");
                    w.WriteLine("for (int k = 1; k <= extra; k++)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("int next = source[i + k];");
                        w.WriteLine("if ((next & 0xC0) != 0x80)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("return false;");
                        }

                        w.WriteLine();
                        w.WriteLine("codePoint = (codePoint << 6) | (next & 0x3F);");
                    }

                    w.WriteLine();
                    w.WriteLine("if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return false;");
                    }

                    w.WriteLine();
                    w.WriteLine("if (codePoint >= 0x10000)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("codePoint -= 0x10000;");
                        w.WriteLine("destination[written++] = (char)(0xD800 + (codePoint >> 10));");
                        w.WriteLine("destination[written++] = (char)(0xDC00 + (codePoint & 0x3FF));");
                    }

                    w.WriteLine("else");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("destination[written++] = (char)codePoint;");
                    }

                    w.WriteLine();
                    w.WriteLine("i += extra + 1;");
                }

                w.WriteLine();
                w.WriteLine("return true;");
            }

            w.WriteLine();
        }

        private static void WriteFailure(SourceWriter w, HelpersPlan plan)
        {
            string name = plan.DisplayName;
            w.WriteLine("private static global::System.Exception ParseFailure(int status, string input, string parameter)");
            using (w.OpenBlock())
            {
                w.WriteLine("switch (status)");
                using (w.OpenBlock())
                {
                    w.WriteLine("case ParseEmpty:");
                    w.WriteLine("    return new global::System.ArgumentException(");
                    w.WriteLine("        \"Must specify valid information for parsing in the string: '\" + input + "
                        + CSharpLiteral.String("' is empty or white space, not a name or value of " + name + ".") + ", parameter);");
                    w.WriteLine("case ParseOverflow:");
                    w.WriteLine("    return new global::System.OverflowException(");
                    w.WriteLine("        \"Value '\" + input + " + CSharpLiteral.String("' is outside the range of " + plan.Type.Keyword + ", the underlying type of " + name + ".") + ");");
                    w.WriteLine("default:");
                    w.WriteLine("    return new global::System.ArgumentException(");
                    w.WriteLine("        \"Requested value '\" + input + " + CSharpLiteral.String("' was not found in " + name + ".") + ");");
                }
            }

            w.WriteLine();
        }

        private static void WriteMatchers(SourceWriter w, HelpersPlan plan)
        {
            var names = new NameSwitchWriter(plan.ParseEntries, plan.Facts, "Name");
            string s = plan.Type.Storage;
            if (plan.UseSpans)
            {
                names.WriteChars(w, "MatchName", s);
                w.WriteLine();
                names.WriteUtf8(w, "MatchNameUtf8", s);
                w.WriteLine();
                names.WriteSupport(w, chars: true, utf8: true);
            }
            else
            {
                names.WriteStringOrdinal(w, "MatchName", s);
                w.WriteLine();
                names.WriteStringRange(w, "MatchName", s);
                w.WriteLine();
                names.WriteSupport(w, chars: false, utf8: false);
            }
        }
    }
}
