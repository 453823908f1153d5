using Mediator.Internal;

namespace Mediator.Abstractions.Tests;

public sealed class TypeIndexTests
{
    [Fact]
    public void Every_type_is_found_at_its_position_and_others_are_not()
    {
        // Many types from different assemblies, so that their handles spread over the table and collide on some slots.
        var types = typeof(object).Assembly.GetTypes().Where(t => t.IsPublic && !t.IsGenericTypeDefinition).Take(500)
            .Concat(typeof(TypeIndex).Assembly.GetTypes().Where(t => t.IsPublic && !t.IsGenericTypeDefinition))
            .Distinct()
            .ToArray();
        var index = new TypeIndex(types);

        for (var i = 0; i < types.Length; i++)
        {
            Assert.Equal(i, index.IndexOf(types[i]));
        }

        Assert.Equal(-1, index.IndexOf(typeof(TypeIndexTests)));
        Assert.Equal(-1, index.IndexOf(typeof(List<TypeIndexTests>)));
    }

    [Fact]
    public void Small_and_empty_tables_answer_too()
    {
        Assert.Equal(-1, new TypeIndex().IndexOf(typeof(string)));
        Assert.Equal(0, new TypeIndex(typeof(string)).IndexOf(typeof(string)));
        Assert.Equal(-1, new TypeIndex(typeof(string)).IndexOf(typeof(int)));
        Assert.Equal(1, new TypeIndex(typeof(string), typeof(int)).IndexOf(typeof(int)));
    }

    [Fact]
    public void Struct_and_closed_generic_types_are_keys_like_any_other()
    {
        var index = new TypeIndex(typeof(int), typeof(List<int>), typeof(List<string>), typeof(KeyValuePair<int, string>));

        Assert.Equal(1, index.IndexOf(new List<int>().GetType()));
        Assert.Equal(2, index.IndexOf(typeof(List<string>)));
        Assert.Equal(3, index.IndexOf(typeof(KeyValuePair<int, string>)));
        Assert.Equal(-1, index.IndexOf(typeof(List<long>)));
    }

    [Fact]
    public void A_type_given_twice_or_null_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TypeIndex(typeof(string), typeof(int), typeof(string)));
        Assert.Throws<ArgumentException>(() => new TypeIndex(typeof(string), null!));
        Assert.Throws<ArgumentNullException>(() => new TypeIndex(null!));
    }
}
