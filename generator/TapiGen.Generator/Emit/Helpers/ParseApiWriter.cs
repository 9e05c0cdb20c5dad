namespace TapiGen.Generator.Emit.Helpers
{
    /// <summary>
    /// The public parsing surface: IsDefined(name), TryParse and Parse for string, ReadOnlySpan&lt;char&gt; and UTF-8
    /// ReadOnlySpan&lt;byte&gt; (spans only where the consumer has them). Each is a thin shell over a core written by
    /// <see cref="ParseCoreWriter"/>, which returns one of the ParseXxx status codes.
    /// </summary>
    internal static class ParseApiWriter
    {
        private const string Span = "global::System.ReadOnlySpan";

        public static void Write(SourceWriter w, HelpersPlan plan)
        {
            WriteIsDefinedByName(w, plan);
            WriteOverloads(w, plan, "string", plan.NullableString, "value", "ParseString", "a string");
            if (plan.UseSpans)
            {
                WriteOverloads(w, plan, Span + "<char>", Span + "<char>", "value", "ParseChars", "characters");
                WriteOverloads(w, plan, Span + "<byte>", Span + "<byte>", "utf8Text", "ParseUtf8", "UTF-8 text");
            }
        }

        private static void WriteIsDefinedByName(SourceWriter w, HelpersPlan plan)
        {
            string s = plan.Type.Storage;
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Whether a member has this exact name (no white space, no number, no list), like");
            w.WriteLine("/// <see cref=\"global::System.Enum.IsDefined(global::System.Type, object)\"/> with a string; <paramref name=\"ignoreCase\"/>");
            w.WriteLine("/// compares with <see cref=\"global::System.StringComparison.OrdinalIgnoreCase\"/>.");
            w.WriteLine("/// </summary>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"name\"/> is null.</exception>");
            w.WriteLine("public static bool IsDefined(string name, bool ignoreCase = false)");
            using (w.OpenBlock())
            {
                w.WriteLine("if (name == null)");
                using (w.OpenBlock())
                {
                    w.WriteLine("throw new global::System.ArgumentNullException(nameof(name));");
                }

                w.WriteLine();
                w.WriteLine(s + " bits;");
                if (plan.UseSpans)
                {
                    w.WriteLine("return MatchName(global::System.MemoryExtensions.AsSpan(name), ignoreCase, out bits);");
                }
                else
                {
                    w.WriteLine("return ignoreCase ? MatchName(name, 0, name.Length, true, out bits) : MatchName(name, out bits);");
                }
            }

            w.WriteLine();
            if (!plan.UseSpans)
            {
                return;
            }

            w.WriteLine("/// <summary>");
            w.WriteLine("/// Whether a member has this exact name (no white space, no number, no list); <paramref name=\"ignoreCase\"/>");
            w.WriteLine("/// compares with <see cref=\"global::System.StringComparison.OrdinalIgnoreCase\"/>.");
            w.WriteLine("/// </summary>");
            w.WriteLine("public static bool IsDefined(" + Span + "<char> name, bool ignoreCase = false)");
            using (w.OpenBlock())
            {
                w.WriteLine(s + " bits;");
                w.WriteLine("return MatchName(name, ignoreCase, out bits);");
            }

            w.WriteLine();
        }

        /// <param name="type">The input's type in the Parse overloads.</param>
        /// <param name="tryType">The input's type in the TryParse overloads (string? where null is allowed).</param>
        private static void WriteOverloads(SourceWriter w, HelpersPlan plan, string type, string tryType, string parameter, string core, string kind)
        {
            string e = plan.Enum;
            string s = plan.Type.Storage;
            bool isString = type == "string";

            w.WriteLine("/// <summary>Parses " + kind + " as <see cref=\"global::System.Enum.TryParse{TEnum}(string, out TEnum)\"/> does; see <see cref=\"TryParse(" + CrefType(type) + ", bool, bool, out " + e + ")\"/>.</summary>");
            w.WriteLine("public static bool TryParse(" + tryType + " " + parameter + ", out " + e + " result) => TryParse(" + parameter + ", false, true, out result);");
            w.WriteLine();
            w.WriteLine("/// <summary>Parses " + kind + " as <see cref=\"global::System.Enum.TryParse{TEnum}(string, bool, out TEnum)\"/> does; see <see cref=\"TryParse(" + CrefType(type) + ", bool, bool, out " + e + ")\"/>.</summary>");
            w.WriteLine("public static bool TryParse(" + tryType + " " + parameter + ", bool ignoreCase, out " + e + " result) => TryParse(" + parameter + ", ignoreCase, true, out result);");
            w.WriteLine();

            w.WriteLine("/// <summary>");
            w.WriteLine("/// Parses " + kind + " exactly as <see cref=\"global::System.Enum.TryParse{TEnum}(string, bool, out TEnum)\"/> does, without");
            w.WriteLine("/// reflection or allocation: white space around the input and around each name is ignored; a member name, or names");
            w.WriteLine("/// separated by commas (their values combined, for any enum); or, when <paramref name=\"allowNumbers\"/> is true, an");
            w.WriteLine("/// integer of the underlying type with an optional leading sign (any value, defined or not).");
            w.WriteLine("/// </summary>");
            w.WriteLine("/// <param name=\"" + parameter + "\">The text" + (isString ? "; null is never a value." : ".") + "</param>");
            w.WriteLine("/// <param name=\"ignoreCase\">Compare names with <see cref=\"global::System.StringComparison.OrdinalIgnoreCase\"/> (culture-independent).</param>");
            w.WriteLine("/// <param name=\"allowNumbers\">Accept numbers; false accepts names only.</param>");
            w.WriteLine("/// <param name=\"result\">The value, or default when the text is not one.</param>");
            w.WriteLine("public static bool TryParse(" + tryType + " " + parameter + ", bool ignoreCase, bool allowNumbers, out " + e + " result)");
            using (w.OpenBlock())
            {
                if (isString)
                {
                    w.WriteLine("if (" + parameter + " == null)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("result = default(" + e + ");");
                        w.WriteLine("return false;");
                    }

                    w.WriteLine();
                }

                w.WriteLine(s + " bits;");
                w.WriteLine("bool parsed = " + core + "(" + parameter + ", ignoreCase, allowNumbers, out bits) == ParseOk;");
                w.WriteLine("result = parsed ? unchecked((" + e + ")bits) : default(" + e + ");");
                w.WriteLine("return parsed;");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>Parses " + kind + " as <see cref=\"global::System.Enum.Parse(global::System.Type, string)\"/> does; see <see cref=\"Parse(" + CrefType(type) + ", bool, bool)\"/>.</summary>");
            WriteThrowsDocs(w, parameter, isString);
            w.WriteLine("public static " + e + " Parse(" + type + " " + parameter + ") => Parse(" + parameter + ", false, true);");
            w.WriteLine();
            w.WriteLine("/// <summary>Parses " + kind + " as <see cref=\"global::System.Enum.Parse(global::System.Type, string, bool)\"/> does; see <see cref=\"Parse(" + CrefType(type) + ", bool, bool)\"/>.</summary>");
            WriteThrowsDocs(w, parameter, isString);
            w.WriteLine("public static " + e + " Parse(" + type + " " + parameter + ", bool ignoreCase) => Parse(" + parameter + ", ignoreCase, true);");
            w.WriteLine();
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Parses " + kind + " as <see cref=\"TryParse(" + CrefType(type) + ", bool, bool, out " + e + ")\"/> does, and throws what");
            w.WriteLine("/// <see cref=\"global::System.Enum.Parse(global::System.Type, string, bool)\"/> throws when it fails (with messages that name the enum and the input).");
            w.WriteLine("/// </summary>");
            w.WriteLine("/// <param name=\"" + parameter + "\">The text.</param>");
            w.WriteLine("/// <param name=\"ignoreCase\">Compare names with <see cref=\"global::System.StringComparison.OrdinalIgnoreCase\"/> (culture-independent).</param>");
            w.WriteLine("/// <param name=\"allowNumbers\">Accept numbers; false accepts names only.</param>");
            WriteThrowsDocs(w, parameter, isString);
            w.WriteLine("public static " + e + " Parse(" + type + " " + parameter + ", bool ignoreCase, bool allowNumbers)");
            using (w.OpenBlock())
            {
                if (isString)
                {
                    w.WriteLine("if (" + parameter + " == null)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("throw new global::System.ArgumentNullException(nameof(" + parameter + "));");
                    }

                    w.WriteLine();
                }

                w.WriteLine(s + " bits;");
                w.WriteLine("int status = " + core + "(" + parameter + ", ignoreCase, allowNumbers, out bits);");
                w.WriteLine("if (status != ParseOk)");
                using (w.OpenBlock())
                {
                    string input = isString ? parameter
                        : type.EndsWith("<char>", System.StringComparison.Ordinal) ? parameter + ".ToString()"
                        : "global::System.Text.Encoding.UTF8.GetString(" + parameter + ".ToArray())";
                    w.WriteLine("throw ParseFailure(status, " + input + ", nameof(" + parameter + "));");
                }

                w.WriteLine();
                w.WriteLine("return unchecked((" + e + ")bits);");
            }

            w.WriteLine();
        }

        private static void WriteThrowsDocs(SourceWriter w, string parameter, bool isString)
        {
            if (isString)
            {
                w.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"" + parameter + "\"/> is null.</exception>");
            }

            w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">The text is empty or white space, or is not a name, list of names or (when allowed) number.</exception>");
            w.WriteLine("/// <exception cref=\"global::System.OverflowException\">The text is a number outside the range of the underlying type.</exception>");
        }

        /// <summary>A type as a cref parameter: generic arguments in braces.</summary>
        private static string CrefType(string type) => type.Replace('<', '{').Replace('>', '}');
    }
}
