// netstandard2.0 lacks the type that C# records and init accessors need; the compiler only looks it up by name.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
