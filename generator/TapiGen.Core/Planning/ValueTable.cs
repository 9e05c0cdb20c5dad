using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Planning
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

        private ValueTable(BigInteger min, int length)
        {
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

            return new ValueTable(min, (int)span);
        }
    }
}
