using System.Collections.Generic;
using System.Numerics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing
{
    /// <summary>Decisions that follow from the values alone: the underlying type and whether the enum is [Flags].</summary>
    internal static class EnumShape
    {
        private static readonly BigInteger s_intMin = int.MinValue;
        private static readonly BigInteger s_intMax = int.MaxValue;
        private static readonly BigInteger s_uintMax = uint.MaxValue;
        private static readonly BigInteger s_longMin = long.MinValue;
        private static readonly BigInteger s_longMax = long.MaxValue;
        private static readonly BigInteger s_ulongMax = ulong.MaxValue;

        /// <summary>
        /// int unless the values need more: uint when a value is at least 0x80000000 and none is negative, then
        /// long, then ulong. Null when no type holds them all.
        /// </summary>
        public static UnderlyingType? ChooseUnderlyingType(BigInteger min, BigInteger max)
        {
            if (min >= s_intMin && max <= s_intMax)
            {
                return UnderlyingType.Int32;
            }

            if (min >= 0 && max <= s_uintMax)
            {
                return UnderlyingType.UInt32;
            }

            if (min >= s_longMin && max <= s_longMax)
            {
                return UnderlyingType.Int64;
            }

            if (min >= 0 && max <= s_ulongMax)
            {
                return UnderlyingType.UInt64;
            }

            return null;
        }

        /// <summary>
        /// Infers [Flags]. Every nonzero value must be a power of two or a union of values declared before it, with
        /// at least three distinct powers of two. Two patterns that pass that test are still counting enums, not flags,
        /// and are excluded: nonzero values that are exactly 1..n (CALL_STATE, AGENT_SESSION_EVENT), and enums with as
        /// many combined values as single bits.
        /// </summary>
        public static bool InferFlags(IReadOnlyList<BigInteger> valuesInOrder)
        {
            var seen = new List<BigInteger>();
            var distinctNonZero = new HashSet<BigInteger>();
            int powers = 0, unions = 0;
            foreach (BigInteger value in valuesInOrder)
            {
                if (value < 0)
                {
                    return false;
                }

                if (value.IsZero || !distinctNonZero.Add(value))
                {
                    seen.Add(value);
                    continue;
                }

                if (value.IsPowerOfTwo)
                {
                    powers++;
                }
                else if (IsUnionOf(value, seen))
                {
                    // At most 64 distinct powers of two fit the underlying type, so from 64 unions on the answer is
                    // no; stopping here keeps a page of thousands of counted members from costing quadratic time.
                    if (++unions >= 64)
                    {
                        return false;
                    }
                }
                else
                {
                    return false;
                }

                seen.Add(value);
            }

            if (powers < 3 || unions >= powers)
            {
                return false;
            }

            return !IsCountingSequence(distinctNonZero);
        }

        private static bool IsUnionOf(BigInteger value, List<BigInteger> earlier)
        {
            BigInteger covered = BigInteger.Zero;
            foreach (BigInteger e in earlier)
            {
                if (!e.IsZero && (e & value) == e)
                {
                    covered |= e;
                }
            }

            return covered == value;
        }

        private static bool IsCountingSequence(HashSet<BigInteger> distinctNonZero)
        {
            for (int i = 1; i <= distinctNonZero.Count; i++)
            {
                if (!distinctNonZero.Contains(i))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
