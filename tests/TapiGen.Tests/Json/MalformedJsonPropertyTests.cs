using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Xunit;

namespace TapiGen.Tests.Json
{
    /// <summary>
    /// Property tests: whatever text arrives (mutated names, broken escapes, lone surrogates, invalid UTF-8, split
    /// across buffers), reading either succeeds or throws JsonException; and every value written reads back.
    /// </summary>
    public class MalformedJsonPropertyTests
    {
        private const int Iterations = 1000;

        /// <summary>Texts the mutations start from: names, lists, numbers and escapes the converters read.</summary>
        private static readonly string[] s_seeds =
        {
            "TE_CALLSTATE", "TE_ADDRESS, TE_CALLSTATE", " TE_CALLSTATE ,TE_ADDRESS,", "ASE_READY", "ase_ready", "\\u0041SE_BUSY",
            "B", "A, TOP", "18446744073709551615", "-1", "+2", "001", "\\u00C4RGER", "Stra\\u00DFe", "", " ", "1073741824",
        };

        private static readonly string[] s_pieces =
        {
            "\\", "\"", "\\u", "\\u00", "\\uD800", "\\uDC00", "\\uD83D\\uDE00", "\\n", "\\t", "\\\"", ",", ", ", " ", "\u00A0", "\u3000",
            "\u200B", "0", "9", "-", "+", ".", "e5", "A", "x", "TE_", "ASE_READY", "TOP", "\u00C4", "\uFFFF", "\0", "\u0001", "{", "}",
            "[", "]", ":", "null", "\uD800", "\uDBFF\uDFFF", "\u00E9", new string('A', 300), new string(' ', 257) + "B",
        };

        private static readonly Gen<string> s_text =
            Gen.Select(
                Gen.Int[0, s_seeds.Length - 1],
                Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Int[0, s_pieces.Length - 1]).Array[0, 6],
                (seed, edits) => Mutate(s_seeds[seed], edits));

        private static readonly Lazy<Type[]> s_types = new Lazy<Type[]>(() => new[]
        {
            JsonTestEnums.Enum(JsonTestEnums.Defaults, "TAPI_EVENT"),
            JsonTestEnums.Enum(JsonTestEnums.Defaults, "AGENT_SESSION_EVENT"),
            JsonTestEnums.Enum(JsonTestEnums.Defaults, "UWIDE"),
            JsonTestEnums.Enum(JsonTestEnums.Defaults, "FLAGS64"),
            JsonTestEnums.Enum(JsonTestEnums.IgnoreCase, "UNICODE"),
            JsonTestEnums.Enum(JsonTestEnums.IgnoreCase, "TAPI_EVENT"),
            JsonTestEnums.Enum(JsonTestEnums.Strict, "TAPI_EVENT"),
            JsonTestEnums.Enum(JsonTestEnums.Strict, "WIDE"),
        });

        [Fact]
        public void Reading_mutated_text_gives_a_value_or_a_JsonException()
        {
            Type[] types = s_types.Value;
            s_text.Sample(text =>
            {
                foreach (Type type in types)
                {
                    foreach (string json in new[] { "\"" + text + "\"", text, "{\"" + text + "\":1}" })
                    {
                        // As UTF-8 (a lone surrogate becomes U+FFFD): the string overload would refuse it before any converter runs.
                        byte[] utf8 = Encoding.UTF8.GetBytes(json);
                        Type target = json.StartsWith('{') ? JsonDriver.Dictionary(type) : type;
                        OnlyJsonException(() => JsonSerializer.Deserialize(utf8, target, JsonDriver.Ours));
                        OnlyJsonException(() => JsonDriver.ReadSegmented(json, target));
                        OnlyJsonException(() => JsonSerializer.Deserialize(utf8, JsonDriver.Nullable(type), JsonDriver.Ours));
                    }
                }
            }, iter: Iterations);
        }

        [Fact]
        public void Reading_invalid_UTF8_gives_a_value_or_a_JsonException()
        {
            Type[] types = s_types.Value;
            Gen.Select(s_text, Gen.Select(Gen.Int[0, 1000], Gen.Int[0x80, 0xFF]).Array[1, 3]).Sample((text, flips) =>
            {
                byte[] utf8 = Encoding.UTF8.GetBytes("\"" + text + "\"");
                foreach (var (at, value) in flips)
                {
                    if (utf8.Length > 2)
                    {
                        utf8[1 + (at % (utf8.Length - 2))] = (byte)value;
                    }
                }

                foreach (Type type in types)
                {
                    OnlyJsonException(() => JsonSerializer.Deserialize(utf8, type, JsonDriver.Ours));
                    OnlyJsonException(() =>
                    {
                        var reader = new Utf8JsonReader(utf8);
                        return JsonSerializer.Deserialize(ref reader, type, JsonDriver.Ours);
                    });
                }
            }, iter: Iterations);
        }

        [Fact]
        public void Every_value_written_reads_back_or_is_refused_with_a_JsonException()
        {
            Type[] types = s_types.Value;
            Gen.ULong.Sample(bits =>
            {
                foreach (Type type in types)
                {
                    object value = JsonDriver.Value(type, bits);
                    string json;
                    try
                    {
                        json = JsonDriver.Write(value, type);
                    }
                    catch (JsonException)
                    {
                        continue; // TapiGenJsonUndefined=Error
                    }

                    Assert.Equal(value, JsonDriver.Read(json, type));
                }
            }, iter: Iterations);
        }

        private static void OnlyJsonException(Func<object?> read)
        {
            try
            {
                read();
            }
            catch (JsonException)
            {
            }
        }

        private static string Mutate(string seed, (int Kind, int At, int Piece)[] edits)
        {
            var text = new StringBuilder(seed);
            foreach (var (kind, at, piece) in edits)
            {
                int position = text.Length == 0 ? 0 : at % (text.Length + 1);
                if (kind == 0 || text.Length == 0)
                {
                    text.Insert(position, s_pieces[piece]);
                }
                else if (position < text.Length)
                {
                    text.Remove(position, 1);
                    if (kind == 2)
                    {
                        text.Insert(position, s_pieces[piece]);
                    }
                }
            }

            return text.ToString();
        }
    }
}
