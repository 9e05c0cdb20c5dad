using System;

namespace TapiGen
{
    /// <summary>
    /// Marks an enum that TapiGen generated from an enum manifest, and names that manifest. Tools and tests use it to
    /// find generated enums; the generated code does not depend on it at run time.
    /// </summary>
    [AttributeUsage(AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
    public sealed class TapiEnumAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="manifestFileName">The file name of the manifest the enum was generated from.</param>
        public TapiEnumAttribute(string manifestFileName) => ManifestFileName = manifestFileName;

        /// <summary>The file name of the manifest the enum was generated from.</summary>
        public string ManifestFileName { get; }
    }
}
