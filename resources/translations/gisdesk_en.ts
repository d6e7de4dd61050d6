<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>MapStatusBar</source>
        <comment>N</comment>
        <translation type="vanished">
            <numerusform>MapStatusBar</numerusform>
            <numerusform>MapStatusBar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MapStatusBar</source>
        <comment>S</comment>
        <translation type="vanished">
            <numerusform>MapStatusBar</numerusform>
            <numerusform>MapStatusBar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MapStatusBar</source>
        <comment>E</comment>
        <translation type="vanished">
            <numerusform>MapStatusBar</numerusform>
            <numerusform>MapStatusBar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MapStatusBar</source>
        <comment>W</comment>
        <translation type="vanished">
            <numerusform>MapStatusBar</numerusform>
            <numerusform>MapStatusBar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/panels/audit_panel.py" line="+327"/>
        <source>%n change(s) shown</source>
        <translation>
            <numerusform>%n change shown</numerusform>
            <numerusform>%n changes shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DefinitionProblemsButton</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/dialogs/definition_problems_dialog.py" line="+115"/>
        <source>%n layer definition problem(s)</source>
        <translation>
            <numerusform>%n layer definition problem</numerusform>
            <numerusform>%n layer definition problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/editing/controller.py" line="+255"/>
        <source>Restore %n unsaved edit(s) from {time}?</source>
        <translation>
            <numerusform>Restore %n unsaved edit from {time}?</numerusform>
            <numerusform>Restore %n unsaved edits from {time}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n edit(s) restored</source>
        <translation>
            <numerusform>%n edit restored</numerusform>
            <numerusform>%n edits restored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditingUi</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/editing/editing_ui.py" line="+209"/>
        <source>Warning: the new line does not connect to the network at %n end(s). Check that it snaps to an existing main.</source>
        <translation>
            <numerusform>Warning: the new line does not connect to the network at %n end. Check that it snaps to an existing main.</numerusform>
            <numerusform>Warning: the new line does not connect to the network at %n ends. Check that it snaps to an existing main.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Delete %n selected feature(s) from {layer}?</source>
        <translation>
            <numerusform>Delete %n selected feature from {layer}?</numerusform>
            <numerusform>Delete %n selected features from {layer}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Delete %n feature(s)</source>
        <translation>
            <numerusform>Delete %n feature</numerusform>
            <numerusform>Delete %n features</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/panels/identify_panel.py" line="+250"/>
        <source>%n feature(s) selected</source>
        <translation>
            <numerusform>%n feature selected</numerusform>
            <numerusform>%n features selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerTreeModel</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/panels/layer_tree_model.py" line="+191"/>
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/main_window.py" line="+619"/>
        <source>%n feature(s) found</source>
        <translation>
            <numerusform>%n feature found</numerusform>
            <numerusform>%n features found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapStatusBar</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/canvas/map_status.py" line="+115"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
</TS>
