using System;
using System.Collections.Generic;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>
    /// The integer type names a cast in a Windows header may use: C's keywords and MSVC's __intN, the Windows SDK's
    /// typedefs (with their x64 sizes) and the stdint names. Pages and headers cast with these; others are not types.
    /// </summary>
    internal static class CTypes
    {
        private static readonly Dictionary<string, CType> s_typedefs = Build();

        /// <summary>The type of a cast's words ("unsigned long", "DWORD", "enum X"), or false when they are no integer type.</summary>
        public static bool TryResolve(IReadOnlyList<string> words, ICSymbols symbols, out CType type)
        {
            type = default;
            var kept = new List<string>(words.Count);
            foreach (string word in words)
            {
                if (word != "const" && word != "volatile")
                {
                    kept.Add(word);
                }
            }

            if (kept.Count == 0)
            {
                return false;
            }

            if (kept.Count == 1 && s_typedefs.TryGetValue(kept[0], out type))
            {
                return true;
            }

            if (kept.Count == 1 && symbols.IsEnumTypeName(kept[0]))
            {
                type = CType.Int;
                return true;
            }

            if (kept.Count == 2 && kept[0] == "enum")
            {
                type = CType.Int;
                return true;
            }

            return TryKeywords(kept, out type);
        }

        /// <summary>The words name a type, integer or not (so '(void *)' is known to be a pointer cast).</summary>
        public static bool IsTypeName(IReadOnlyList<string> words, ICSymbols symbols)
            => TryResolve(words, symbols, out _) || (words.Count == 1 && (words[0] == "void" || words[0] == "VOID" || words[0] == "char" || s_typedefs.ContainsKey(words[0])));

        private static bool TryKeywords(List<string> words, out CType type)
        {
            type = default;
            int longs = 0, bits = 0;
            bool? signed = null;
            bool sawInt = false;
            foreach (string word in words)
            {
                switch (word)
                {
                    case "unsigned": signed = false; break;
                    case "signed": signed = true; break;
                    case "int": sawInt = true; break;
                    case "long": longs++; break;
                    case "short": bits = 16; break;
                    case "char": bits = 8; break;
                    case "__int8": bits = 8; break;
                    case "__int16": bits = 16; break;
                    case "__int32": bits = 32; break;
                    case "__int64": bits = 64; break;
                    default: return false;
                }
            }

            if (longs > 2 || (longs > 0 && bits != 0))
            {
                return false;
            }

            bool isSigned = signed ?? true;
            type = bits switch
            {
                8 => isSigned ? CType.Char : CType.UChar,
                16 => isSigned ? CType.Short : CType.UShort,
                32 => isSigned ? CType.Int : CType.UInt,
                64 => isSigned ? CType.LongLong : CType.ULongLong,
                _ => longs == 2 ? (isSigned ? CType.LongLong : CType.ULongLong)
                    : longs == 1 ? (isSigned ? CType.Long : CType.ULong)
                    : (isSigned ? CType.Int : CType.UInt),
            };
            return sawInt || longs > 0 || bits != 0 || signed.HasValue;
        }

        private static Dictionary<string, CType> Build()
        {
            var map = new Dictionary<string, CType>(StringComparer.Ordinal);
            void Add(CType type, params string[] names)
            {
                foreach (string name in names)
                {
                    map[name] = type;
                }
            }

            Add(CType.Char, "CHAR", "CCHAR", "INT8", "int8_t");
            Add(CType.UChar, "BYTE", "UCHAR", "UINT8", "BOOLEAN", "uint8_t");
            Add(CType.Short, "SHORT", "INT16", "int16_t");
            Add(CType.UShort, "WORD", "USHORT", "UINT16", "WCHAR", "wchar_t", "uint16_t");
            Add(CType.Int, "INT", "INT32", "BOOL", "int32_t");
            Add(CType.Long, "LONG", "LONG32", "HRESULT", "NTSTATUS");
            Add(CType.UInt, "UINT", "UINT32", "uint32_t");
            Add(CType.ULong, "ULONG", "ULONG32", "DWORD", "DWORD32");
            Add(CType.LongLong, "LONGLONG", "LONG64", "INT64", "INT_PTR", "LONG_PTR", "SSIZE_T", "ptrdiff_t", "intptr_t", "int64_t");
            Add(CType.ULongLong, "ULONGLONG", "ULONG64", "DWORD64", "UINT64", "QWORD", "UINT_PTR", "ULONG_PTR", "DWORD_PTR", "SIZE_T", "size_t", "uintptr_t", "uint64_t");
            return map;
        }
    }
}
