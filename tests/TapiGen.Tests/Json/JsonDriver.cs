using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TapiGen.Tests.Json
{
    /// <summary>
    /// Calls System.Text.Json for enum types known only at run time (they come from a compiled test assembly), with
    /// the generated converter (no options: the enum's attribute picks it) or JsonStringEnumConverter as the oracle.
    /// </summary>
    public static class JsonDriver
    {
        /// <summary>No options at all: what a user gets from JsonSerializer.Serialize(value).</summary>
        public static readonly JsonSerializerOptions Ours = new JsonSerializerOptions();

        /// <summary>The oracle: a converter in Options.Converters wins over the type's [JsonConverter].</summary>
        public static readonly JsonSerializerOptions Oracle = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };

        /// <summary>The oracle without integers: JsonStringEnumConverter(allowIntegerValues: false).</summary>
        public static readonly JsonSerializerOptions OracleNoNumbers = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter(null, allowIntegerValues: false) } };

        public static string Write(object? value, Type type, JsonSerializerOptions? options = null)
            => JsonSerializer.Serialize(value, type, options ?? Ours);

        public static object? Read(string json, Type type, JsonSerializerOptions? options = null)
            => JsonSerializer.Deserialize(json, type, options ?? Ours);

        /// <summary>Reads through a reader over one-byte segments, so every multi-byte token arrives as a value sequence.</summary>
        public static object? ReadSegmented(string json, Type type, JsonSerializerOptions? options = null)
        {
            var reader = new Utf8JsonReader(Segmented(Encoding.UTF8.GetBytes(json)));
            return JsonSerializer.Deserialize(ref reader, type, options ?? Ours);
        }

        /// <summary>The outcome of a read, for comparing two converters: the value, or that it threw JsonException.</summary>
        public static string Outcome(Func<object?> read)
        {
            try
            {
                object? value = read();
                return value is null ? "null" : value.GetType().IsEnum ? "value " + Bits(value) : "value " + value;
            }
            catch (JsonException)
            {
                return "JsonException";
            }
        }

        /// <summary>An enum value as its 64-bit pattern (sign-extended), whatever its underlying type.</summary>
        public static ulong Bits(object value)
            => Type.GetTypeCode(Enum.GetUnderlyingType(value.GetType())) switch
            {
                TypeCode.Int32 => unchecked((ulong)(int)Convert.ChangeType(value, typeof(int), null)!),
                TypeCode.UInt32 => (uint)Convert.ChangeType(value, typeof(uint), null)!,
                TypeCode.Int64 => unchecked((ulong)(long)Convert.ChangeType(value, typeof(long), null)!),
                _ => (ulong)Convert.ChangeType(value, typeof(ulong), null)!,
            };

        /// <summary>The enum value with that 64-bit pattern (truncated to the underlying type).</summary>
        public static object Value(Type enumType, ulong bits)
            => Type.GetTypeCode(Enum.GetUnderlyingType(enumType)) switch
            {
                TypeCode.Int32 => Enum.ToObject(enumType, unchecked((int)bits)),
                TypeCode.UInt32 => Enum.ToObject(enumType, unchecked((uint)bits)),
                TypeCode.Int64 => Enum.ToObject(enumType, unchecked((long)bits)),
                _ => Enum.ToObject(enumType, bits),
            };

        /// <summary>The distinct values of the enum's members, in declaration order.</summary>
        public static List<ulong> DefinedBits(Type enumType)
            => enumType.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .OrderBy(f => f.MetadataToken)
                .Select(f => Bits(f.GetValue(null)!))
                .Distinct()
                .ToList();

        /// <summary>Values worth writing: every member, neighbours, extremes and, for flags, random combinations with and without an undefined bit.</summary>
        public static IEnumerable<ulong> WriteCases(Type type)
        {
            List<ulong> defined = DefinedBits(type);
            var cases = new List<ulong>(defined) { 0, 1, 2, 3, 0x80000000, 0xFFFFFFFF, ulong.MaxValue, 0x8000000000000000 };
            cases.AddRange(defined.Select(b => b + 1));
            if (IsFlags(type))
            {
                var random = new Random(20261126);
                for (int i = 0; i < 24; i++)
                {
                    ulong bits = 0;
                    foreach (ulong flag in defined)
                    {
                        bits |= random.Next(3) == 0 ? flag : 0;
                    }

                    cases.Add(bits);
                    cases.Add(bits | (1UL << random.Next(64)));
                }
            }

            return cases.Select(b => Bits(Value(type, b))).Distinct();
        }

        public static bool IsFlags(Type enumType) => enumType.IsDefined(typeof(FlagsAttribute), false);

        public static Type Nullable(Type enumType) => typeof(Nullable<>).MakeGenericType(enumType);

        public static Type Dictionary(Type enumType) => typeof(Dictionary<,>).MakeGenericType(enumType, typeof(int));

        private static ReadOnlySequence<byte> Segmented(byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                return ReadOnlySequence<byte>.Empty;
            }

            var first = new Segment(bytes.AsMemory(0, 1), 0);
            Segment last = first;
            for (int i = 1; i < bytes.Length; i++)
            {
                last = last.Append(bytes.AsMemory(i, 1));
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }

        private sealed class Segment : ReadOnlySequenceSegment<byte>
        {
            public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
            {
                Memory = memory;
                RunningIndex = runningIndex;
            }

            public Segment Append(ReadOnlyMemory<byte> memory)
            {
                var next = new Segment(memory, RunningIndex + Memory.Length);
                Next = next;
                return next;
            }
        }
    }
}
