namespace TapiGen.Generator.Usage
{
    /// <summary>
    /// What the usage analyzer tells its code fix: the ids, and the properties each diagnostic carries so the fix needs
    /// no second analysis. Compiled into the generator and, as a linked file, into TapiGen.CodeFixes.
    /// </summary>
    internal static class UsageContract
    {
        public const string ToStringId = "TG1001";
        public const string InterpolationId = "TG1002";
        public const string TryParseId = "TG1003";
        public const string ParseId = "TG1004";
        public const string IsDefinedId = "TG1005";
        public const string HasFlagId = "TG1006";
        public const string GetValuesId = "TG1007";
        public const string GetNamesId = "TG1008";

        /// <summary>The helpers class as code, qualified with global:: ("global::Ns.EExtensions").</summary>
        public const string HelpersProperty = "Helpers";

        /// <summary>The helper method to call ("ToStringFast", "TryParse", ...).</summary>
        public const string MethodProperty = "Method";

        /// <summary>How to rewrite the reported node: one of the Shape constants.</summary>
        public const string ShapeProperty = "Shape";

        /// <summary>
        /// With <see cref="StaticShape"/>, when the helper is also a member of the enum type (an extension block, C# 14)
        /// and binds there: the enum type as code ("global::Ns.E"), so the fix writes <c>E.M(args)</c>.
        /// </summary>
        public const string ReceiverProperty = "Receiver";

        /// <summary>With <see cref="StaticShape"/>: the index of an argument to leave out (the typeof(E) of Enum.Parse(Type, ...)).</summary>
        public const string DropArgumentProperty = "DropArgument";

        /// <summary><c>x.M(args)</c>, an invocation on an enum value, becomes <c>x.Fast(args)</c>.</summary>
        public const string ExtensionShape = "Extension";

        /// <summary><c>Enum.M&lt;E&gt;(args)</c>, or a cast around <c>Enum.M(typeof(E), args)</c>, becomes <c>EExtensions.M(args)</c> (<c>E.M(args)</c> with a <see cref="ReceiverProperty"/>).</summary>
        public const string StaticShape = "Static";

        /// <summary>An interpolated enum value <c>{x}</c> becomes <c>{x.ToStringFast()}</c>.</summary>
        public const string InterpolationShape = "Interpolation";
    }
}
