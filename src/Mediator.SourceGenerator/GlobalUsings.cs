// The four namespaces most of the generator's files use, imported once. Only the base library's: Microsoft.CodeAnalysis
// stays a using of each file that needs it, so that Model/ (and every other folder) shows at its top whether it
// touches the compiler's types.
global using System;
global using System.Collections.Generic;
global using System.Collections.Immutable;
global using System.Linq;
