namespace Mediator.SourceGenerator.Tests.TypeForms;

/// <summary>
/// The type forms the tests combine: leaves (keywords, user types with keyword names, a global-namespace type, types
/// from a referenced assembly) and the constructions C# has (annotation, nullable value type, arrays of every rank,
/// tuples named or not and past seven elements, generic types, types nested in generic types). User types they name
/// are declared by <see cref="Declarations"/>; referenced ones by <see cref="LibrarySource"/>.
/// </summary>
internal static class Forms
{
    public static readonly TypeForm Int = Leaf("int", "42", FormCategory.Value);
    public static readonly TypeForm String = Leaf("string", "\"s\"", FormCategory.Reference);
    public static readonly TypeForm Object = Leaf("object", "new object()", FormCategory.Reference);
    public static readonly TypeForm Dynamic = new("dynamic", "(dynamic)\"d\"", "object", FormCategory.Reference, HasDynamic: true);
    public static readonly TypeForm NInt = Leaf("nint", "(nint)7", FormCategory.Value, identity: "System.IntPtr");
    public static readonly TypeForm Bool = Leaf("bool", "true", FormCategory.Value);
    public static readonly TypeForm Decimal = Leaf("decimal", "1.5m", FormCategory.Value);
    public static readonly TypeForm Plain = Leaf("global::App.Plain", "new global::App.Plain()", FormCategory.Reference);
    public static readonly TypeForm Event = Leaf("global::App.@event", "new global::App.@event()", FormCategory.Reference);
    public static readonly TypeForm Global = Leaf("global::GlobalThing", "new global::GlobalThing()", FormCategory.Reference);
    public static readonly TypeForm Val = Leaf("global::App.Val", "new global::App.Val(1)", FormCategory.Value);
    public static readonly TypeForm Uri = Leaf("global::System.Uri", "new global::System.Uri(\"http://x/\")", FormCategory.Reference);
    public static readonly TypeForm Guid = Leaf("global::System.Guid", "new global::System.Guid(\"6f9619ff-8b86-d011-b42d-00cf4fc964ff\")", FormCategory.Value);
    public static readonly TypeForm LibThing = Leaf("global::Lib.Thing", "new global::Lib.Thing()", FormCategory.Reference);

    public static readonly TypeForm[] Leaves = { Int, String, Object, Dynamic, NInt, Bool, Decimal, Plain, Event, Global, Val, Uri, Guid, LibThing };

    /// <summary>Leaves with short names, for the elements of long tuples.</summary>
    public static readonly TypeForm[] ShortLeaves = { Int, String, Object, Dynamic, NInt, Bool, Decimal, Val };

    /// <summary>Tuple element names, keywords among them (legal when escaped).</summary>
    public static readonly string[] ElementNames = { "a", "b", "Id", "@class", "@event", "@await", "value" };

    /// <summary>Generic types over one form: text, value and category from the argument.</summary>
    public static readonly (string Name, Func<TypeForm, TypeForm> Make)[] Generics =
    {
        ("List", t => Generic("global::System.Collections.Generic.List<{0}>", "new global::System.Collections.Generic.List<{0}> {{ {1} }}", FormCategory.Reference, t)),
        ("Dictionary", t => Generic("global::System.Collections.Generic.Dictionary<string, {0}>", "new global::System.Collections.Generic.Dictionary<string, {0}> {{ [\"k\"] = {1} }}", FormCategory.Reference, t)),
        ("G", t => Generic("global::App.G<{0}>", "new global::App.G<{0}>({1})", FormCategory.Value, t)),
        ("Outer.Inner", t => Generic("global::App.Outer<{0}>.Inner", "new global::App.Outer<{0}>.Inner()", FormCategory.Reference, t)),
        ("Outer.S", t => Generic("global::App.Outer<{0}>.S", "new global::App.Outer<{0}>.S(1)", FormCategory.Value, t)),
        ("@class", t => Generic("global::App.@class<{0}>", "new global::App.@class<{0}>()", FormCategory.Reference, t)),
        ("Lib.Box", t => Generic("global::Lib.Box<{0}>", "new global::Lib.Box<{0}>({1})", FormCategory.Reference, t)),
        ("Lib.Pair", t => Generic("global::Lib.Pair<{0}>", "new global::Lib.Pair<{0}>({1})", FormCategory.Value, t)),
        ("Lib.Outer.Inner", t => Generic("global::Lib.Outer<{0}>.Inner", "new global::Lib.Outer<{0}>.Inner()", FormCategory.Reference, t)),
    };

    /// <summary><c>Outer&lt;T&gt;.Inner&lt;U&gt;</c>: a generic type nested in a generic type.</summary>
    public static TypeForm NestedGeneric(TypeForm outer, TypeForm inner) => new(
        $"global::App.Outer<{outer.Text}>.Inner<{inner.Text}>",
        $"new global::App.Outer<{outer.Text}>.Inner<{inner.Text}>()",
        $"Outer<{outer.Identity}>.Inner<{inner.Identity}>",
        FormCategory.Reference,
        outer.HasDynamic || inner.HasDynamic) { Nodes = 1 + outer.Nodes + inner.Nodes };

    /// <summary><c>T?</c> over a reference type.</summary>
    public static TypeForm Annotated(TypeForm type)
    {
        Require(type.Category == FormCategory.Reference && !type.IsAnnotated, "only an unannotated reference type takes a nullable annotation");
        return type with { Text = type.Text + "?", IsAnnotated = true, Nodes = type.Nodes };
    }

    /// <summary><c>T?</c> over a value type: <c>System.Nullable&lt;T&gt;</c>.</summary>
    public static TypeForm NullableValue(TypeForm type)
    {
        Require(type.Category == FormCategory.Value, "only a non-nullable value type has a Nullable<T>");
        return new TypeForm(type.Text + "?", $"(({type.Text}?)({type.Value}))", $"Nullable<{type.Identity}>", FormCategory.NullableValue, type.HasDynamic) { Nodes = 1 + type.Nodes };
    }

    /// <summary>
    /// An array of <paramref name="element"/>. C# writes the rank specifiers of arrays of arrays outermost first, and
    /// an annotated element array closes (<c>string[]?[]</c> is an array of <c>string[]?</c>): this is written here
    /// from the C# specification, independently of the generator's printer.
    /// </summary>
    public static TypeForm Array(TypeForm element, int rank)
    {
        var specifier = "[" + new string(',', rank - 1) + "]";
        var (arrayBase, specifiers) = element.IsArray && !element.IsAnnotated
            ? (element.ArrayBase!, specifier + element.ArraySpecifiers)
            : (element.Text, specifier);
        return new TypeForm(
            arrayBase + specifiers,
            $"global::App.Make.Array{rank}<{element.Text}>({element.Value})",
            $"{element.Identity}[{new string(',', rank - 1)}]",
            FormCategory.Reference,
            element.HasDynamic,
            arrayBase,
            specifiers) { Nodes = 1 + element.Nodes };
    }

    /// <summary>A tuple; <paramref name="names"/> holds a name or null per element.</summary>
    public static TypeForm Tuple(IReadOnlyList<TypeForm> elements, IReadOnlyList<string?> names)
    {
        Require(elements.Count >= 2, "a tuple has two elements or more");
        var text = string.Join(", ", elements.Select((e, i) => names[i] is { } name ? e.Text + " " + name : e.Text));
        return new TypeForm(
            "(" + text + ")",
            "(" + string.Join(", ", elements.Select(e => e.Value)) + ")",
            "(" + string.Join(",", elements.Select(e => e.Identity)) + ")",
            FormCategory.Value,
            elements.Any(e => e.HasDynamic)) { Nodes = 1 + elements.Sum(e => e.Nodes) };
    }

    private static TypeForm Leaf(string text, string value, FormCategory category, string? identity = null)
        => new(text, value, identity ?? text.Replace("global::", string.Empty).Replace("@", string.Empty), category, HasDynamic: false);

    private static TypeForm Generic(string text, string value, FormCategory category, TypeForm argument)
        => new(
            string.Format(text, argument.Text),
            string.Format(value, argument.Text, argument.Value),
            string.Format(text.Replace("global::", string.Empty), argument.Identity),
            category,
            argument.HasDynamic) { Nodes = 1 + argument.Nodes };

    private static void Require(bool condition, string why)
    {
        if (!condition)
        {
            throw new ArgumentException(why);
        }
    }

    /// <summary>The user types the forms name, and the helpers their values use.</summary>
    public const string Declarations = """
        namespace App
        {
            public sealed class Plain { }
            public sealed class @event { }
            public readonly record struct Val(int X);
            public readonly record struct G<T>(T Item);
            public sealed class @class<T> { }
            public class Outer<T>
            {
                public sealed class Inner { }
                public sealed class Inner<U> { }
                public readonly record struct S(int X);
            }

            public static class Make
            {
                public static T[] Array1<T>(T item) => new[] { item };
                public static T[,] Array2<T>(T item) { var array = new T[1, 1]; array[0, 0] = item; return array; }
                public static T[,,] Array3<T>(T item) { var array = new T[1, 1, 1]; array[0, 0, 0] = item; return array; }
            }
        }

        public sealed class GlobalThing { }
        """;

    /// <summary>A referenced assembly's types: the generator reads them from metadata, nullable annotations included.</summary>
    public const string LibrarySource = """
        namespace Lib
        {
            public sealed class Thing { }
            public sealed class Box<T> { public Box(T value) => Value = value; public T Value { get; } }
            public readonly record struct Pair<T>(T Item);
            public class Outer<T> { public sealed class Inner { } }
        }
        """;
}
