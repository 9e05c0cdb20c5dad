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
            string fallback = plan.Model.IsFlags ? "FormatFlags(value)" : "FormatNumber(value)";
            ValueTable? table = ValueTable.For(plan.Model.UnderlyingType, plan.Named.Select(m => m.Member.Value).ToList());
            if (table is not null)
            {
                WriteToStringFastFromTable(w, plan, table, fallback);
                return;
            }

            if (HasOnlySingleBitFlags(plan))
            {
                WriteSingleBitToStringFast(w, plan);
                return;
            }

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
                    w.WriteLine("    return " + fallback + ";");
                }
            }

            w.WriteLine();
        }

        /// <summary>
        /// ToStringFast for values close together: the text of each value at its distance from the smallest, so a
        /// defined value costs one bounds check and one array read whatever the value (see <see cref="ValueTable"/>).
        /// </summary>
        private static void WriteToStringFastFromTable(SourceWriter w, HelpersPlan plan, ValueTable table, string fallback)
        {
            string element = plan.NullableString;
            w.WriteLine("public static string ToStringFast(this " + plan.Enum + " value)");
            using (w.OpenBlock())
            {
                table.WriteLookup(w, "value", element, "s_textByOffset", "text", "text != null", "return text;");
                w.WriteLine("return " + fallback + ";");
            }

            w.WriteLine();
            table.WriteField(w, element, "s_textByOffset", "The text", plan.Named, m => m.Member.Value, m => CSharpLiteral.String(m.Member.TextName), "null");
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
        /// <summary>What zero formats as, as a literal: the zero member's name, else "0".</summary>
        private static string ZeroText(HelpersPlan plan)
        {
            StoredMember? zero = plan.Named.FirstOrDefault(m => m.Storage == 0);
            return zero is null ? "\"0\"" : CSharpLiteral.String(zero.Member.TextName);
        }

        /// <summary>A [Flags] enum whose nonzero members are all single bits: no member is a combination of others.</summary>
        private static bool HasOnlySingleBitFlags(HelpersPlan plan)
            => plan.Model.IsFlags && plan.FlagTable.Count > 0 && plan.FlagTable.All(f => (f.Storage & (f.Storage - 1)) == 0);

        /// <summary>
        /// ToStringFast for single-bit flags spread too far for a table: zero or one known bit is a member (named through
        /// the flag-name table), anything else is a combination or undefined; no switch on the value.
        /// </summary>
        private static void WriteSingleBitToStringFast(SourceWriter w, HelpersPlan plan)
        {
            string storage = plan.Type.Storage;
            w.WriteLine("public static string ToStringFast(this " + plan.Enum + " value)");
            using (w.OpenBlock())
            {
                w.WriteLine(storage + " bits = unchecked((" + storage + ")value);");
                w.WriteLine("if ((bits & unchecked(bits - 1)) == 0 && (bits & ~" + plan.Type.StorageLiteral(plan.AllFlags) + ") == 0)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return bits == 0 ? " + ZeroText(plan) + " : LowestFlagName(bits);");
                }

                w.WriteLine();
                w.WriteLine("return FormatFlags(value);");
            }

            w.WriteLine();
        }

        private static void WriteFormatFlags(SourceWriter w, HelpersPlan plan)
        {
            if (HasOnlySingleBitFlags(plan))
            {
                WriteSingleBitFormatFlags(w, plan);
                return;
            }

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
                WriteFlagsBuffer(w, plan);
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

        /// <summary>
        /// FormatFlags when every flag is a single bit (the common case): a combination's names are those of its set bits,
        /// lowest first (System.Enum's ascending order), so the loops visit only the set bits, each found by clearing the
        /// lowest one, and name each bit through a table in de Bruijn order (multiplying the isolated bit by a de Bruijn
        /// constant puts a distinct index in the top bits). No loop branches on which flags are set.
        /// </summary>
        private static void WriteSingleBitFormatFlags(SourceWriter w, HelpersPlan plan)
        {
            string storage = plan.Type.Storage;
            bool wide = plan.Type.Bits == 64;
            int shift = wide ? 58 : 27;
            ulong multiplier = wide ? 0x03F79D71B4CB0A89UL : 0x077CB531UL;
            var slots = Enumerable.Repeat("\"\"", plan.Type.Bits).ToArray();
            foreach (StoredMember flag in plan.FlagTable)
            {
                ulong product = unchecked(flag.Storage * multiplier);
                int slot = wide ? (int)(product >> shift) : (int)((uint)product >> shift);
                slots[slot] = CSharpLiteral.String(flag.Member.TextName);
            }

            w.WriteLine("// The name of each flag bit, at the index its de Bruijn product gives (\"\" for bits no member has, never read).");
            w.WriteLine("private static readonly string[] s_flagNameByBit = new string[]");
            using (w.OpenBlock(";"))
            {
                foreach (string slot in slots)
                {
                    w.WriteLine(slot + ",");
                }
            }

            w.WriteLine();
            w.WriteLine("/// <summary>The name of the lowest set bit of <paramref name=\"bits\"/> (not zero, only members' bits set).</summary>");
            w.WriteLine("private static string LowestFlagName(" + storage + " bits)");
            w.WriteLine("    => s_flagNameByBit[(int)(unchecked((bits & (0" + plan.Type.LiteralSuffix + " - bits)) * " + StorageType.ULongLiteral(multiplier).Replace("UL", plan.Type.LiteralSuffix) + ") >> " + shift + ")];");
            w.WriteLine();
            w.WriteLine("private static string FormatFlags(" + plan.Enum + " value)");
            using (w.OpenBlock())
            {
                w.WriteLine(storage + " bits = unchecked((" + storage + ")value);");
                w.WriteLine("if (bits == 0)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return " + ZeroText(plan) + ";");
                }

                w.WriteLine();
                w.WriteLine("if ((bits & ~" + plan.Type.StorageLiteral(plan.AllFlags) + ") != 0)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return FormatNumber(value);");
                }

                w.WriteLine();
                w.WriteLine("int length = -2;");
                w.WriteLine("for (" + storage + " rest = bits; rest != 0; rest &= rest - 1)");
                using (w.OpenBlock())
                {
                    w.WriteLine("length += 2 + LowestFlagName(rest).Length;");
                }

                w.WriteLine();
                WriteFlagsBuffer(w, plan);
            }

            w.WriteLine();
            string bufferType = plan.UseSpans ? "global::System.Span<char>" : "char[]";
            w.WriteLine("private static void WriteFlagNames(" + bufferType + " buffer, " + storage + " bits)");
            using (w.OpenBlock())
            {
                w.WriteLine("int position = 0;");
                w.WriteLine("for (" + storage + " rest = bits; rest != 0; rest &= rest - 1)");
                using (w.OpenBlock())
                {
                    w.WriteLine("if (position != 0)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("buffer[position++] = ',';");
                        w.WriteLine("buffer[position++] = ' ';");
                    }

                    w.WriteLine();
                    w.WriteLine("string name = LowestFlagName(rest);");
                    if (plan.UseSpans)
                    {
                        w.WriteLine("global::System.MemoryExtensions.AsSpan(name).CopyTo(buffer.Slice(position));");
                    }
                    else
                    {
                        w.WriteLine("name.CopyTo(0, buffer, position, name.Length);");
                    }

                    w.WriteLine("position += name.Length;");
                }
            }

            w.WriteLine();
        }

        /// <summary>The end of FormatFlags: a buffer of 'length' characters (stack or array), filled, made a string.</summary>
        private static void WriteFlagsBuffer(SourceWriter w, HelpersPlan plan)
        {
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

        private static void WriteFormatNumber(SourceWriter w, HelpersPlan plan)
        {
            w.WriteLine("private static string FormatNumber(" + plan.Enum + " value)");
            w.WriteLine("    => ((" + plan.Type.Keyword + ")value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            w.WriteLine();
        }
    }
}
