package io.asyncops.emulator.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BodyValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SpecType.Version widgets = TestSpecs.widgets().type(TestSpecs.WIDGETS).versions().get("2024-01-01");
    private final Schema put = widgets.verb("PUT").body();
    private final Schema patch = widgets.verb("PATCH").body();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private SpecViolation refused(String body) {
        return catchThrowableOfType(SpecViolation.class, () -> BodyValidator.check(json(body), put, null, false));
    }

    @Test
    void aValidBodyIsKeptAndReadOnlyOrUnknownMembersAreDropped() {
        JsonNode out = BodyValidator.check(json("{'location':'westus','id':'/x','tags':{'a':'b'},'bogus':1,"
                + "'sku':{'name':'Basic','capacity':3},'properties':{'color':'purple','shape':'ROUND','serial':'AB-12',"
                + "'provisioningState':'Succeeded','createdOn':'2020-01-01T00:00:00Z','endpoints':{'primary':'x'}}}"),
                put, null, false);
        assertThat(out).isEqualTo(json("{'location':'westus','tags':{'a':'b'},'sku':{'name':'Basic','capacity':3},"
                + "'properties':{'color':'purple','shape':'round','serial':'AB-12'}}"));
    }

    @Test
    void eachRuleNamesThePropertyAtFault() {
        assertThat(refused("{'sku':{'name':'Basic'}}").target()).isEqualTo("location");
        assertThat(refused("{'location':'w','sku':{}}").target()).isEqualTo("sku.name");
        assertThat(refused("{'location':'w','sku':{}}").code()).isEqualTo("MissingRequiredProperty");
        SpecViolation shape = refused("{'location':'w','properties':{'shape':'oval'}}");
        assertThat(shape.target()).isEqualTo("properties.shape");
        assertThat(shape.code()).isEqualTo("InvalidParameter");
        assertThat(shape.getMessage()).contains("'oval' is not one of round, square");
        assertThat(refused("{'location':'w','properties':{'serial':'ab-12'}}").target())
                .isEqualTo("properties.serial");
        assertThat(refused("{'location':'w','properties':{'serial':'AB-1234567890'}}").getMessage())
                .contains("at most 12 characters");
        assertThat(refused("{'location':'w','sku':{'name':'Basic','capacity':11}}").getMessage())
                .contains("sku.capacity").contains("at most 10");
        assertThat(refused("{'location':'w','sku':{'name':'Basic','capacity':1.5}}").code())
                .isEqualTo("InvalidRequestContent");
        assertThat(refused("{'location':7}").getMessage()).isEqualTo("The property 'location' must be a string,"
                + " not number.");
        assertThat(refused("{'location':'w','tags':{'a':1}}").target()).isEqualTo("tags.a");
        assertThat(refused("[]").code()).isEqualTo("InvalidRequestContent");
    }

    @Test
    void arraysAndDiscriminatedItemsAreCheckedItemByItem() {
        assertThat(refused("{'location':'w','properties':{'gadgets':[{'kind':'plain','name':'a'},"
                + "{'kind':'spring','name':'b'}]}}").target()).isEqualTo("properties.gadgets[1].tension");
        assertThat(refused("{'location':'w','properties':{'gadgets':[{'kind':'spring','name':'b','tension':0}]}}")
                .getMessage()).contains("must be above 0");
        assertThat(refused("{'location':'w','properties':{'gadgets':[{},{},{},{}]}}").getMessage())
                .contains("at most 3 items");
        JsonNode ok = BodyValidator.check(json("{'location':'w','properties':{'gadgets':[{'kind':'spring',"
                + "'name':'b','tension':2.5}]}}"), put, null, false);
        assertThat(ok.at("/properties/gadgets/0/tension").asDouble()).isEqualTo(2.5);
    }

    @Test
    void createOnlyPropertiesMayOnlyRepeatTheirValueOnUpdate() {
        JsonNode stored = json("{'location':'westus','properties':{'zone':'1','color':'red'}}");
        JsonNode same = BodyValidator.check(json("{'location':'westus','properties':{'zone':'1','color':'green'}}"),
                put, stored, false);
        assertThat(same.at("/properties/color").asText()).isEqualTo("green");
        SpecViolation moved = catchThrowableOfType(SpecViolation.class, () -> BodyValidator.check(
                json("{'location':'westus','properties':{'zone':'2'}}"), put, stored, false));
        assertThat(moved.code()).isEqualTo("PropertyChangeNotAllowed");
        assertThat(moved.target()).isEqualTo("properties.zone");
        SpecViolation relocated = catchThrowableOfType(SpecViolation.class, () -> BodyValidator.check(
                json("{'location':'eastus'}"), put, stored, false));
        assertThat(relocated.target()).isEqualTo("location");
        // a create sets it freely
        assertThat(BodyValidator.check(json("{'location':'w','properties':{'zone':'2'}}"), put, null, false)
                .at("/properties/zone").asText()).isEqualTo("2");
    }

    @Test
    void aPatchNeedsNoRequiredMembersButIsOtherwiseChecked() {
        JsonNode stored = json("{'location':'westus','properties':{'zone':'1'}}");
        assertThat(BodyValidator.check(json("{'tags':{'t':'v'}}"), patch, stored, true))
                .isEqualTo(json("{'tags':{'t':'v'}}"));
        SpecViolation e = catchThrowableOfType(SpecViolation.class, () -> BodyValidator.check(
                json("{'properties':{'shape':'oval'}}"), patch, stored, true));
        assertThat(e.target()).isEqualTo("properties.shape");
        assertThat(catchThrowableOfType(SpecViolation.class, () -> BodyValidator.check(
                json("{'properties':{'zone':'9'}}"), patch, stored, true)).code())
                .isEqualTo("PropertyChangeNotAllowed");
    }
}
