namespace TapiGen.Generator.Emit.Helpers
{
    /// <summary>Bit tests and updates for [Flags] enums: plain operators, no boxing, no Enum.HasFlag.</summary>
    internal static class FlagsWriter
    {
        public static void Write(SourceWriter w, HelpersPlan plan)
        {
            if (!plan.Model.IsFlags)
            {
                return;
            }

            string e = plan.Enum;
            w.WriteLine("/// <summary>Every member's bits together.</summary>");
            w.WriteLine("public const " + e + " AllFlags = " + plan.Type.EnumConstant(e, plan.AllFlags) + ";");
            w.WriteLine();

            w.WriteLine("/// <summary>Whether every bit of <paramref name=\"flag\"/> is set in <paramref name=\"value\"/>, like <see cref=\"global::System.Enum.HasFlag(global::System.Enum)\"/> (true for a zero flag).</summary>");
            w.WriteLine("public static bool HasFlagFast(this " + e + " value, " + e + " flag) => (value & flag) == flag;");
            w.WriteLine();

            w.WriteLine("/// <summary>Whether every bit of <paramref name=\"flags\"/> is set in <paramref name=\"value\"/> (true when <paramref name=\"flags\"/> is zero).</summary>");
            w.WriteLine("public static bool HasAllFlags(this " + e + " value, " + e + " flags) => (value & flags) == flags;");
            w.WriteLine();

            w.WriteLine("/// <summary>Whether any bit of <paramref name=\"flags\"/> is set in <paramref name=\"value\"/> (false when <paramref name=\"flags\"/> is zero).</summary>");
            w.WriteLine("public static bool HasAnyFlags(this " + e + " value, " + e + " flags) => (value & flags) != 0;");
            w.WriteLine();

            w.WriteLine("/// <summary>Whether <paramref name=\"value\"/> has no bits outside <see cref=\"AllFlags\"/>.</summary>");
            w.WriteLine("public static bool HasOnlyKnownFlags(this " + e + " value) => (value & ~AllFlags) == 0;");
            w.WriteLine();

            w.WriteLine("/// <summary><paramref name=\"value\"/> with the bits of <paramref name=\"flags\"/> set.</summary>");
            w.WriteLine("public static " + e + " SetFlags(this " + e + " value, " + e + " flags) => value | flags;");
            w.WriteLine();

            w.WriteLine("/// <summary><paramref name=\"value\"/> with the bits of <paramref name=\"flags\"/> cleared.</summary>");
            w.WriteLine("public static " + e + " ClearFlags(this " + e + " value, " + e + " flags) => value & ~flags;");
            w.WriteLine();
        }
    }
}
