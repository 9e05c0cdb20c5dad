using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit
{
    /// <summary>
    /// Whether an enum's values lie close enough together to look a value up in an array indexed by its distance from
    /// the smallest value, instead of a switch. A switch on values that vary at run time compiles to an indirect jump the
    /// processor often mispredicts; an array read behind one bounds check does not branch on the value at all.
    /// </summary>
    internal sealed class ValueTable
    {
        /// <summary>The most entries a table may have (a few kilobytes per enum at most).</summary>
        public const int MaxLength = 256;

        private readonly UnderlyingType _type;

        private ValueTable(UnderlyingType type, BigInteger min, int length)
        {
            _type = type;
            Min = min;
            Length = length;
        }

        /// <summary>The smallest value: entry 0.</summary>
        public BigInteger Min { get; }

        /// <summary>Entries from the smallest value to the largest.</summary>
        public int Length { get; }

        /// <summary>
        /// A table for these distinct values, or null when a switch suits them better: fewer than two values, a span
        /// over <see cref="MaxLength"/>, or more holes than twice the values plus 16 (sparse values such as flags).
        /// </summary>
        public static ValueTable? For(UnderlyingType type, IReadOnlyCollection<BigInteger> values)
        {
            if (values.Count < 2)
            {
                return null;
            }

            BigInteger min = values.Min();
            BigInteger span = values.Max() - min + 1;
            if (span > MaxLength || span > (2 * values.Count) + 16)
            {
                return null;
            }

            return new ValueTable(type, min, (int)span);
        }

        /// <summary>The entry of a value in the table.</summary>
        private int IndexOf(BigInteger value) => (int)(value - Min);

        /// <summary>The unsigned type the offset is computed in: uint for 32-bit enums, ulong for 64-bit ones.</summary>
        public string OffsetType => Is64Bit ? "ulong" : "uint";

        /// <summary>
        /// An expression for the distance of <paramref name="value"/> (an expression of the enum type) from the smallest
        /// value, as <see cref="OffsetType"/>. Computed modulo 2^32 or 2^64, so a value below the smallest one is huge and
        /// fails the bounds check like a value above the largest.
        /// </summary>
        private string OffsetExpression(string value)
        {
            string storage = OffsetType;
            int bits = Is64Bit ? 64 : 32;
            BigInteger minStorage = Min & ((BigInteger.One << bits) - 1);
            if (minStorage.IsZero)
            {
                return "unchecked((" + storage + ")" + value + ")";
            }

            string literal = "0x" + ((ulong)minStorage).ToString("X", CultureInfo.InvariantCulture) + (Is64Bit ? "UL" : "u");
            return "unchecked((" + storage + ")" + value + " - " + literal + ")";
        }

        private bool Is64Bit => _type == UnderlyingType.Int64 || _type == UnderlyingType.UInt64;

        /// <summary>
        /// Statements that read the entry of <paramref name="value"/> from the array field <paramref name="field"/> into a
        /// local <paramref name="entry"/> and, when it is in range and <paramref name="isPresent"/> holds, run
        /// <paramref name="found"/>; after them the caller writes what happens for other values.
        /// </summary>
        public void WriteLookup(SourceWriter w, string value, string elementType, string field, string entry, string isPresent, params string[] found)
        {
            w.WriteLine(OffsetType + " offset = " + OffsetExpression(value) + ";");
            w.WriteLine(elementType + "[] table = " + field + ";");
            w.WriteLine("if (offset < (" + OffsetType + ")table.Length)");
            using (w.OpenBlock())
            {
                w.WriteLine(elementType + " " + entry + " = table[(int)offset];");
                w.WriteLine("if (" + isPresent + ")");
                using (w.OpenBlock())
                {
                    foreach (string statement in found)
                    {
                        w.WriteLine(statement);
                    }
                }
            }

            w.WriteLine();
        }

        /// <summary>The array field itself: one line per entry, holes as <paramref name="hole"/>.</summary>
        public void WriteField<T>(SourceWriter w, string elementType, string field, string what, IEnumerable<T> items,
            System.Func<T, BigInteger> valueOf, System.Func<T, string> entry, string hole)
        {
            w.WriteLine("// " + what + " of each value by its distance from the smallest value, " + Min.ToString(CultureInfo.InvariantCulture)
                + "; " + hole + " where no member has the value.");
            w.WriteLine("private static readonly " + elementType + "[] " + field + " = new " + elementType + "[]");
            using (w.OpenBlock(";"))
            {
                foreach (string line in Entries(items, valueOf, entry, hole))
                {
                    w.WriteLine(line + ",");
                }
            }
        }

        /// <summary>The table's entries: <paramref name="entry"/> for each value's slot, <paramref name="hole"/> elsewhere.</summary>
        private List<string> Entries<T>(IEnumerable<T> items, System.Func<T, BigInteger> valueOf, System.Func<T, string> entry, string hole)
        {
            var result = Enumerable.Repeat(hole, Length).ToList();
            foreach (T item in items)
            {
                result[IndexOf(valueOf(item))] = entry(item);
            }

            return result;
        }
    }
}
