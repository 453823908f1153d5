using Mediator.Internal;

namespace RuntimeTests;

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
            Assert.Equal(i, index.IndexOf(types[i].TypeHandle));
        }

        Assert.Equal(-1, index.IndexOf(typeof(TypeIndexTests).TypeHandle));
        Assert.Equal(-1, index.IndexOf(Type.GetTypeHandle(new List<TypeIndexTests>())));
    }

    [Fact]
    public void Small_and_empty_tables_answer_too()
    {
        Assert.Equal(-1, new TypeIndex().IndexOf(typeof(string).TypeHandle));
        Assert.Equal(0, new TypeIndex(typeof(string)).IndexOf(Type.GetTypeHandle("text")));
        Assert.Equal(-1, new TypeIndex(typeof(string)).IndexOf(typeof(int).TypeHandle));
        Assert.Equal(1, new TypeIndex(typeof(string), typeof(int)).IndexOf(Type.GetTypeHandle(42)));
    }

    [Fact]
    public void Struct_and_closed_generic_types_are_keys_like_any_other()
    {
        var index = new TypeIndex(typeof(int), typeof(List<int>), typeof(List<string>), typeof(KeyValuePair<int, string>));

        Assert.Equal(1, index.IndexOf(Type.GetTypeHandle(new List<int>())));
        Assert.Equal(2, index.IndexOf(typeof(List<string>).TypeHandle));
        Assert.Equal(3, index.IndexOf(Type.GetTypeHandle(new KeyValuePair<int, string>(1, "one"))));
        Assert.Equal(-1, index.IndexOf(typeof(List<long>).TypeHandle));
    }

    [Fact]
    public void A_type_given_twice_or_null_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TypeIndex(typeof(string), typeof(int), typeof(string)));
        Assert.Throws<ArgumentException>(() => new TypeIndex(typeof(string), null!));
        Assert.Throws<ArgumentNullException>(() => new TypeIndex(null!));
    }
}
