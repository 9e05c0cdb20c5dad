using System.Globalization;
using System.Numerics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Planning
{
    /// <summary>
    /// How generated helpers hold an enum's value as a number: the unsigned type of the same size ("storage", the
    /// way System.Enum compares and combines values), and what the underlying type allows when parsing numbers.
    /// </summary>
    internal sealed class StorageType
    {
        private StorageType(UnderlyingType underlying, string keyword, string storage, string suffix, int bits, bool signed)
        {
            Underlying = underlying;
            Keyword = keyword;
            Storage = storage;
            LiteralSuffix = suffix;
            Bits = bits;
            IsSigned = signed;
        }

        public UnderlyingType Underlying { get; }

        /// <summary>The underlying type's keyword: "int", "uint", "long", "ulong".</summary>
        public string Keyword { get; }

        /// <summary>The unsigned type of the same size: "uint" or "ulong".</summary>
        public string Storage { get; }

        /// <summary>The suffix of a storage literal: "u" or "UL".</summary>
        public string LiteralSuffix { get; }

        public int Bits { get; }

        public bool IsSigned { get; }

        /// <summary>The largest magnitude a number may have: positive, and after a '-' (zero for unsigned types).</summary>
        public ulong MaxPositive => Bits == 32 ? (IsSigned ? int.MaxValue : uint.MaxValue) : (IsSigned ? long.MaxValue : ulong.MaxValue);

        public ulong MaxNegativeMagnitude => !IsSigned ? 0UL : Bits == 32 ? 0x80000000UL : 0x8000000000000000UL;

        public static StorageType For(UnderlyingType type)
        {
            switch (type)
            {
                case UnderlyingType.UInt32:
                    return new StorageType(type, "uint", "uint", "u", 32, signed: false);
                case UnderlyingType.Int64:
                    return new StorageType(type, "long", "ulong", "UL", 64, signed: true);
                case UnderlyingType.UInt64:
                    return new StorageType(type, "ulong", "ulong", "UL", 64, signed: false);
                default:
                    return new StorageType(type, "int", "uint", "u", 32, signed: true);
            }
        }

        /// <summary>The value's bits as the storage type (two's complement for negative values).</summary>
        public ulong ToStorage(BigInteger value)
        {
            BigInteger mask = (BigInteger.One << Bits) - 1;
            return (ulong)(value & mask);
        }

        /// <summary>The storage value read back as the underlying type.</summary>
        public BigInteger FromStorage(ulong storage)
        {
            if (IsSigned && Bits == 32)
            {
                return unchecked((int)(uint)storage);
            }

            if (IsSigned)
            {
                return unchecked((long)storage);
            }

            return storage;
        }

        /// <summary>A storage literal: "0x1Fu", "0x0UL".</summary>
        public string StorageLiteral(ulong storage)
            => "0x" + storage.ToString("X", CultureInfo.InvariantCulture) + LiteralSuffix;

        /// <summary>A ulong literal: "0x7FFFFFFFUL".</summary>
        public static string ULongLiteral(ulong value)
            => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "UL";

        /// <summary>
        /// A constant of the enum type with this storage value, valid in a const declaration: negative values in
        /// decimal (so the literal has the underlying type), others in hexadecimal.
        /// </summary>
        public string EnumConstant(string qualifiedEnum, ulong storage)
        {
            BigInteger value = FromStorage(storage);
            string literal = value.Sign < 0
                ? "(" + value.ToString(CultureInfo.InvariantCulture) + ")"
                : "0x" + storage.ToString("X", CultureInfo.InvariantCulture);
            return "(" + qualifiedEnum + ")" + literal;
        }
    }
}
