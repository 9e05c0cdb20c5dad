using System.Collections.Generic;
using System.Linq;

namespace TapiGen.Generator.Emit.Helpers
{
    /// <summary>ToStringFast, GetDescription and IsDefined(value): switches on the value, built at compile time.</summary>
    internal static class FormatWriter
    {
        /// <summary>Flag combinations up to this many characters are built on the stack (when spans exist).</summary>
        private const int StackBufferLimit = 512;

        public static void Write(SourceWriter w, HelpersPlan plan)
        {
            WriteToStringFast(w, plan);
            WriteGetDescription(w, plan);
            WriteIsDefined(w, plan);
            if (plan.Model.IsFlags)
            {
                WriteFormatFlags(w, plan);
            }

            WriteFormatNumber(w, plan);
        }

        private static void WriteToStringFast(SourceWriter w, HelpersPlan plan)
        {
            w.WriteLine("/// <summary>");
            w.WriteLine("/// The text of <paramref name=\"value\"/>, the same as <see cref=\"global::System.Enum.ToString()\"/>: the member's name (for");
            w.WriteLine("/// aliases, the one the runtime picks), " + (plan.Model.IsFlags ? "names of flags joined by \", \" for combinations, " : string.Empty)
                + "else the number in the invariant culture.");
            w.WriteLine("/// A defined value returns a cached string: nothing is allocated.");
            w.WriteLine("/// </summary>");
            w.WriteLine("public static string ToStringFast(this " + plan.Enum + " value)");
            using (w.OpenBlock())
            {
                w.WriteLine("switch (value)");
                using (w.OpenBlock())
                {
                    foreach (StoredMember named in plan.Named)
                    {
                        w.WriteLine("case " + plan.MemberRef(named.Member) + ":");
                        w.WriteLine("    return " + CSharpLiteral.String(named.Member.TextName) + ";");
                    }

                    w.WriteLine("default:");
                    w.WriteLine(plan.Model.IsFlags ? "    return FormatFlags(value);" : "    return FormatNumber(value);");
                }
            }

            w.WriteLine();
        }

        private static void WriteGetDescription(SourceWriter w, HelpersPlan plan)
        {
            w.WriteLine("/// <summary>");
            w.WriteLine("/// The manifest's description of the member <see cref=\"ToStringFast\"/> names, as plain text, or null when that member");
            w.WriteLine("/// has none or <paramref name=\"value\"/> is not a member.");
            w.WriteLine("/// </summary>");
            w.WriteLine("public static " + plan.NullableString + " GetDescription(this " + plan.Enum + " value)");
            using (w.OpenBlock())
            {
                List<StoredMember> described = plan.Named.Where(m => m.Member.PlainDescription.Length > 0).ToList();
                if (described.Count == 0)
                {
                    w.WriteLine("return null;");
                }
                else
                {
                    w.WriteLine("switch (value)");
                    using (w.OpenBlock())
                    {
                        foreach (StoredMember named in described)
                        {
                            w.WriteLine("case " + plan.MemberRef(named.Member) + ":");
                            w.WriteLine("    return " + CSharpLiteral.String(named.Member.PlainDescription) + ";");
                        }

                        w.WriteLine("default:");
                        w.WriteLine("    return null;");
                    }
                }
            }

            w.WriteLine();
        }

        private static void WriteIsDefined(SourceWriter w, HelpersPlan plan)
        {
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Whether a member has exactly this value, like <see cref=\"global::System.Enum.IsDefined(global::System.Type, object)\"/>");
            w.WriteLine("/// (a combination of flags is not a member unless one is declared with that value).");
            w.WriteLine("/// </summary>");
            w.WriteLine("public static bool IsDefined(" + plan.Enum + " value)");
            using (w.OpenBlock())
            {
                if (plan.Named.Count == 0)
                {
                    w.WriteLine("return false;");
                }
                else
                {
                    w.WriteLine("switch (value)");
                    using (w.OpenBlock())
                    {
                        foreach (StoredMember named in plan.Named)
                        {
                            w.WriteLine("case " + plan.MemberRef(named.Member) + ":");
                        }

                        w.WriteLine("    return true;");
                        w.WriteLine("default:");
                        w.WriteLine("    return false;");
                    }
                }
            }

            w.WriteLine();
        }

        /// <summary>
        /// Combinations the way Enum.ToString builds them: from the highest member value down, take each whose bits
        /// are all still set and clear them; if bits remain the result is the number, else the names in ascending
        /// order joined by ", ". A first pass measures, the second writes from the end, so only the result string
        /// is allocated.
        /// </summary>
        private static void WriteFormatFlags(SourceWriter w, HelpersPlan plan)
        {
            string storage = plan.Type.Storage;
            w.WriteLine("// The nonzero member values a combination is made of, ascending, each with the name it contributes.");
            w.WriteLine("private static readonly " + storage + "[] s_flagValues = new " + storage + "[]");
            using (w.OpenBlock(";"))
            {
                foreach (StoredMember flag in plan.FlagTable)
                {
                    w.WriteLine(plan.Type.StorageLiteral(flag.Storage) + ",");
                }
            }

            w.WriteLine();
            w.WriteLine("private static readonly string[] s_flagNames = new string[]");
            using (w.OpenBlock(";"))
            {
                foreach (StoredMember flag in plan.FlagTable)
                {
                    w.WriteLine(CSharpLiteral.String(flag.Member.TextName) + ",");
                }
            }

            w.WriteLine();
            w.WriteLine("private static string FormatFlags(" + plan.Enum + " value)");
            using (w.OpenBlock())
            {
                w.WriteLine(storage + " bits = unchecked((" + storage + ")value);");
                if (!plan.HasZeroMember)
                {
                    w.WriteLine("if (bits == 0)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return \"0\";");
                    }

                    w.WriteLine();
                }

                w.WriteLine(storage + " remaining = bits;");
                w.WriteLine("int length = 0;");
                w.WriteLine("for (int i = s_flagValues.Length - 1; i >= 0; i--)");
                using (w.OpenBlock())
                {
                    w.WriteLine(storage + " flag = s_flagValues[i];");
                    w.WriteLine("if ((remaining & flag) == flag)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("remaining &= ~flag;");
                        w.WriteLine("length += (length == 0 ? 0 : 2) + s_flagNames[i].Length;");
                        w.WriteLine("if (remaining == 0)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("break;");
                        }
                    }
                }

                w.WriteLine();
                w.WriteLine("if (remaining != 0)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return FormatNumber(value);");
                }

                w.WriteLine();
                int longest = plan.FlagTable.Sum(f => f.Member.TextName.Length + 2);
                if (plan.UseSpans)
                {
                    if (longest > StackBufferLimit)
                    {
                        w.WriteLine("if (length > " + StackBufferLimit + ")");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("char[] array = new char[length];");
                            w.WriteLine("WriteFlagNames(array, bits);");
                            w.WriteLine("return new string(array);");
                        }

                        w.WriteLine();
                    }

                    w.WriteLine("global::System.Span<char> buffer = stackalloc char[length];");
                    w.WriteLine("WriteFlagNames(buffer, bits);");
                    w.WriteLine("return buffer.ToString();");
                }
                else
                {
                    w.WriteLine("char[] buffer = new char[length];");
                    w.WriteLine("WriteFlagNames(buffer, bits);");
                    w.WriteLine("return new string(buffer);");
                }
            }

            w.WriteLine();
            string bufferType = plan.UseSpans ? "global::System.Span<char>" : "char[]";
            w.WriteLine("private static void WriteFlagNames(" + bufferType + " buffer, " + storage + " remaining)");
            using (w.OpenBlock())
            {
                w.WriteLine("int position = buffer.Length;");
                w.WriteLine("for (int i = s_flagValues.Length - 1; i >= 0 && remaining != 0; i--)");
                using (w.OpenBlock())
                {
                    w.WriteLine(storage + " flag = s_flagValues[i];");
                    w.WriteLine("if ((remaining & flag) == flag)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("remaining &= ~flag;");
                        w.WriteLine("if (position != buffer.Length)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("buffer[--position] = ' ';");
                            w.WriteLine("buffer[--position] = ',';");
                        }

                        w.WriteLine();
                        w.WriteLine("string name = s_flagNames[i];");
                        w.WriteLine("position -= name.Length;");
                        w.WriteLine("for (int k = 0; k < name.Length; k++)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("buffer[position + k] = name[k];");
                        }
                    }
                }
            }

            w.WriteLine();
        }

        private static void WriteFormatNumber(SourceWriter w, HelpersPlan plan)
        {
            w.WriteLine("private static string FormatNumber(" + plan.Enum + " value)");
            w.WriteLine("    => ((" + plan.Type.Keyword + ")value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            w.WriteLine();
        }
    }
}
