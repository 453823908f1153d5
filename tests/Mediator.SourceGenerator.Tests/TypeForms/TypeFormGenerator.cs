namespace Mediator.SourceGenerator.Tests.TypeForms;

/// <summary>
/// Combines <see cref="TypeForms"/> at random from a fixed seed: every construction over every form it accepts, up to a
/// depth, distinct by runtime identity (two forms C# converts between by identity cannot both be the type argument of
/// one generic message: their handlers would handle the same request).
/// </summary>
internal sealed class TypeFormGenerator(int seed, int maxDepth = 3)
{
    private readonly Random _random = new(seed);

    /// <summary><paramref name="count"/> forms, each distinct by <see cref="TypeForm.Identity"/> from <paramref name="taken"/> and from each other.</summary>
    public List<TypeForm> Generate(int count, ISet<string> taken)
    {
        var forms = new List<TypeForm>();
        for (var attempts = 0; forms.Count < count; attempts++)
        {
            if (attempts > count * 100)
            {
                throw new InvalidOperationException($"only {forms.Count} distinct forms after {attempts} attempts");
            }

            var form = Next(maxDepth);
            if (taken.Add(form.Identity))
            {
                forms.Add(form);
            }
        }

        return forms;
    }

    private TypeForm Next(int depth)
    {
        while (true)
        {
            if (depth == 0 || _random.Next(10) < 3)
            {
                return Pick(Forms.Leaves);
            }

            var inner = Next(depth - 1);
            switch (_random.Next(11))
            {
                case 0 when inner.Category == FormCategory.Reference && !inner.IsAnnotated:
                    return Forms.Annotated(inner);
                case 1 or 2 when inner.Category == FormCategory.Value:
                    return Forms.NullableValue(inner);
                case 3 or 4:
                    // Mostly one dimension, as programs use them; two and three as well.
                    return Forms.Array(inner, _random.Next(6) switch { 0 => 3, 1 or 2 => 2, _ => 1 });
                case 5 or 6:
                    return Tuple(inner, depth);
                case 7 or 8 or 9:
                    return Pick(Forms.Generics).Make(inner);
                case 10:
                    return _random.Next(2) == 0 ? Forms.NestedGeneric(inner, Next(depth - 1)) : Forms.NestedGeneric(Next(depth - 1), inner);
            }
        }
    }

    /// <summary>Two or three elements, or eight or nine (past the seven a ValueTuple holds before its Rest); names on some.</summary>
    private TypeForm Tuple(TypeForm first, int depth)
    {
        var size = _random.Next(5) == 0 ? 8 + _random.Next(2) : 2 + _random.Next(2);
        var elements = new List<TypeForm> { first };
        while (elements.Count < size)
        {
            // Past seven elements the shape matters, not the elements: short leaves keep the generated code small.
            elements.Add(size > 3 ? Pick(Forms.ShortLeaves) : Next(depth - 1));
        }

        var names = new List<string?>();
        var used = new HashSet<string>();
        var named = _random.Next(3);
        for (var i = 0; i < size; i++)
        {
            var name = named == 0 || (named == 1 && _random.Next(2) == 0) ? null : Pick(Forms.ElementNames);
            names.Add(name is not null && used.Add(name) ? name : null);
        }

        return Forms.Tuple(elements, names);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
