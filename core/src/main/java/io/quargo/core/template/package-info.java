/**
 * Go text/template for Sensor dataTemplate/contextTemplate and notifications: {@link
 * io.quargo.core.template.Template#parse} once into an immutable tree, then execute many times.
 *
 * <p>Functions are Go's builtins plus {@link io.quargo.core.sprig.Sprig}; as in Argo, a sprig
 * function shadows a builtin of the same name (sprig's list-only {@code slice}).
 *
 * <p>Known differences from Go, all deliberate or cosmetic:
 * <ul>
 *   <li>parse errors carry {@code line:column}; Go prints only the line;</li>
 *   <li>an explicit missing value ({@code eq .missing "x"}) compares as nil, as Go 1.18+ does;</li>
 *   <li>no methods, {@code call}, complex numbers, custom delimiters or missingkey options;</li>
 *   <li>Long stands for both int and int64, so {@code typeOf} reports "int" for either;</li>
 *   <li>execution is bounded: steps, output characters and {@code template} depth
 *       ({@link io.quargo.core.template.TemplateOptions}).</li>
 * </ul>
 */
package io.quargo.core.template;
